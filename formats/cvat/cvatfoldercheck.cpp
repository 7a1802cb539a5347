#include "cvatfoldercheck.h"

#include "cvatpaths.h"

#include <QCoreApplication>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatFolderCheck", text);
}

} // namespace

CvatFolderCheck::CvatFolderCheck(const QStringList &files, const CvatExportInfo &info)
    : m_scope(info.scope)
    , m_fileOrder(files)
{
    if (m_scope != CvatExportInfo::Scope::Project && !info.tasks.isEmpty())
        m_taskSubset = info.tasks.first().subset;
    for (const QString &file : files) {
        m_files.insert(file);
        m_byLowerCase[file.toLower()].append(file);
        m_byFileName[CvatPaths::fileName(file)].append(file);
    }
}

std::optional<QString> CvatFolderCheck::lookup(const QString &candidate, bool ignoreCase) const
{
    if (!ignoreCase)
        return m_files.contains(candidate) ? std::optional<QString>(candidate) : std::nullopt;
    const QStringList matches = m_byLowerCase.value(candidate.toLower());
    if (matches.size() == 1)
        return matches.first();
    return std::nullopt;
}

CvatFolderCheck::Resolution CvatFolderCheck::resolve(const CvatImage &image,
                                                     CvatProblemReport &report)
{
    Resolution result;
    if (!CvatPaths::isSafeRelative(image.name)) {
        // The reader reported the name already; it is never looked up.
        ++m_missing;
        return result;
    }
    const QString name = CvatPaths::normalised(image.name);
    const bool project = m_scope == CvatExportInfo::Scope::Project;
    const QString subset = project ? image.subset : m_taskSubset;
    const QString inSubset = subset.isEmpty() || !CvatPaths::isSafeRelative(subset)
                                 ? QString()
                                 : subset + QLatin1Char('/') + name;
    // Project exports put images under their subset first; task and job exports at the top.
    QStringList order;
    if (project && !inSubset.isEmpty())
        order << inSubset << name;
    else
        order << name << inSubset;
    order.removeAll(QString());

    const auto found = [&](const QString &file, Match match) {
        result.file = file;
        result.match = match;
        m_used.insert(file);
        ++m_found;
        return result;
    };
    for (int i = 0; i < order.size(); ++i) {
        if (const auto file = lookup(order.at(i), false))
            return found(*file, i == 0 ? Match::Exact : Match::Subset);
    }
    for (const QString &candidate : std::as_const(order)) {
        if (const auto file = lookup(candidate, true))
            return found(*file, Match::CaseInsensitive);
    }
    // Frames of a video task exported "for images" are named without their extension.
    if (CvatPaths::withoutLastSuffix(CvatPaths::fileName(name)) == CvatPaths::fileName(name)) {
        for (const QString &candidate : std::as_const(order)) {
            for (const char *extension : {".PNG", ".png", ".jpg"}) {
                if (const auto file = lookup(candidate + QLatin1String(extension), false))
                    return found(*file, Match::VideoFrame);
            }
        }
    }
    const QStringList sameName = m_byFileName.value(CvatPaths::fileName(name));
    if (sameName.size() == 1 && !m_used.contains(sameName.first())) {
        report.add(CvatProblem::Kind::ImageFoundByBasename,
                   tr("Not found where CVAT puts it; the only file of that name, images/%1, is "
                      "used.")
                       .arg(sameName.first()),
                   image.name,
                   image.line);
        return found(sameName.first(), Match::Basename);
    }
    ++m_missing;
    report.add(CvatProblem::Kind::MissingImage,
               project && !image.subset.isEmpty()
                   ? tr("No image file at images/%1 (subset \"%2\"); its annotations are kept "
                        "without the picture.")
                         .arg(inSubset, image.subset)
                   : tr("No image file at images/%1; its annotations are kept without the "
                        "picture.")
                         .arg(name),
               image.name,
               image.line);
    return result;
}

QStringList CvatFolderCheck::extraFiles() const
{
    QStringList extra;
    for (const QString &file : m_fileOrder) {
        if (!m_used.contains(file))
            extra.append(file);
    }
    return extra;
}

void CvatFolderCheck::finish(CvatProblemReport &report) const
{
    for (const QString &file : extraFiles())
        report.add(
            CvatProblem::Kind::ExtraImage,
            tr("images/%1 belongs to no <image> of annotations.xml; it is not imported.").arg(file),
            file);
}

} // namespace Encord::Cvat
