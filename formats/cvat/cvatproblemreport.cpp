#include "cvatproblemreport.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Encord::Cvat {

namespace {

template<typename Key>
int &counter(QList<QPair<Key, int>> &counts, Key key)
{
    for (auto &entry : counts) {
        if (entry.first == key)
            return entry.second;
    }
    counts.append({key, 0});
    return counts.last().second;
}

template<typename Key>
int lookup(const QList<QPair<Key, int>> &counts, Key key)
{
    for (const auto &entry : counts) {
        if (entry.first == key)
            return entry.second;
    }
    return 0;
}

} // namespace

void CvatProblemReport::add(CvatProblem::Kind kind,
                            const QString &message,
                            const QString &imageName,
                            qint64 line,
                            qint64 column)
{
    add(CvatProblem{CvatProblem::defaultSeverity(kind), kind, message, imageName, line, column});
}

void CvatProblemReport::add(CvatProblem::Severity severity,
                            CvatProblem::Kind kind,
                            const QString &message,
                            const QString &imageName,
                            qint64 line)
{
    add(CvatProblem{severity, kind, message, imageName, line, 0});
}

void CvatProblemReport::add(const CvatProblem &problem)
{
    int &ofKind = counter(m_counts, problem.kind);
    ++ofKind;
    ++counter(m_severityCounts, problem.severity);
    if (ofKind > kMaxPerKind) {
        ++m_omitted;
        return;
    }
    m_problems.append(problem);
}

void CvatProblemReport::append(const CvatProblemReport &other)
{
    for (const CvatProblem &problem : other.m_problems)
        add(problem);
    m_omitted += other.m_omitted;
}

int CvatProblemReport::count(CvatProblem::Kind kind) const
{
    return lookup(m_counts, kind);
}

int CvatProblemReport::count(CvatProblem::Severity severity) const
{
    return lookup(m_severityCounts, severity);
}

QList<CvatProblem> CvatProblemReport::ofKind(CvatProblem::Kind kind) const
{
    QList<CvatProblem> result;
    for (const CvatProblem &problem : m_problems) {
        if (problem.kind == kind)
            result.append(problem);
    }
    return result;
}

QString CvatProblemReport::toText() const
{
    QString text;
    for (const CvatProblem &problem : m_problems)
        text += problem.toText() + QLatin1Char('\n');
    if (m_omitted > 0)
        text += QCoreApplication::translate("CvatProblemReport",
                                            "%n more problem(s) of kinds already listed.",
                                            nullptr,
                                            m_omitted)
                + QLatin1Char('\n');
    return text;
}

bool CvatProblemReport::writeText(QIODevice &device) const
{
    const QByteArray bytes = toText().toUtf8();
    return device.write(bytes) == bytes.size();
}

} // namespace Encord::Cvat
