#pragma once

#include "cvatexportinfo.h"
#include "cvatimage.h"
#include "cvatproblemreport.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Cvat {

/// Matches the <image> elements of an export to its image files, following the lookup order
/// of spec cvat-format §1.2, and reports missing and extra files.
///
/// Feed it every image as the reader delivers it (resolve()), then call finish() once. Memory:
/// one index entry per file; nothing per shape.
class CvatFolderCheck
{
public:
    /// How an image's file was found.
    enum class Match {
        Exact,           ///< images/<name> (task, job) or images/<subset>/<name> (project)
        Subset,          ///< the other of those two
        CaseInsensitive, ///< one of the above, ignoring case
        VideoFrame,      ///< a name without extension, found with .PNG/.png/.jpg appended
        Basename,        ///< the only file of that file name anywhere under images/
        Missing,
    };

    struct Resolution
    {
        Match match = Match::Missing;
        QString file; ///< relative to images/; empty when missing
    };

    /// @p files: every file under images/, relative to it ('/'-separated).
    CvatFolderCheck(const QStringList &files, const CvatExportInfo &info);

    /// Finds the file of @p image and records it as used. Missing files, files found only by
    /// base name and unsafe names go into @p report.
    Resolution resolve(const CvatImage &image, CvatProblemReport &report);
    /// Reports every file no image used (extra images).
    void finish(CvatProblemReport &report) const;

    int foundCount() const { return m_found; }
    int missingCount() const { return m_missing; }
    /// Files no image used so far.
    QStringList extraFiles() const;

private:
    std::optional<QString> lookup(const QString &candidate, bool ignoreCase) const;

    const CvatExportInfo::Scope m_scope;
    QString m_taskSubset; ///< task/job exports: the subset their meta names
    QSet<QString> m_files;
    QStringList m_fileOrder;
    QHash<QString, QStringList> m_byLowerCase;
    QHash<QString, QStringList> m_byFileName;
    QSet<QString> m_used;
    int m_found = 0;
    int m_missing = 0;
};

} // namespace Encord::Cvat
