#pragma once

#include "cvatproblem.h"

#include <QList>

class QIODevice;

namespace Encord::Cvat {

/// Every problem found while reading and checking an export, in the order found.
///
/// Repeated problems of one kind are all kept up to kMaxPerKind, then only counted: a broken
/// 1 GB file must not turn into a 1 GB report.
class CvatProblemReport
{
public:
    static constexpr int kMaxPerKind = 1000;

    /// Adds a problem with the default severity of @p kind.
    void add(CvatProblem::Kind kind,
             const QString &message,
             const QString &imageName = QString(),
             qint64 line = 0,
             qint64 column = 0);
    /// Adds a problem with an explicit severity.
    void add(CvatProblem::Severity severity,
             CvatProblem::Kind kind,
             const QString &message,
             const QString &imageName = QString(),
             qint64 line = 0);
    void add(const CvatProblem &problem);
    void append(const CvatProblemReport &other);

    const QList<CvatProblem> &problems() const { return m_problems; }
    /// Problems of @p kind, listed or only counted.
    int count(CvatProblem::Kind kind) const;
    int count(CvatProblem::Severity severity) const;
    /// Problems counted but not listed because their kind reached kMaxPerKind.
    int omitted() const { return m_omitted; }
    bool hasErrors() const { return count(CvatProblem::Severity::Error) > 0; }
    bool isEmpty() const { return m_problems.isEmpty(); }
    /// The listed problems of @p kind.
    QList<CvatProblem> ofKind(CvatProblem::Kind kind) const;

    /// One line per problem (CvatProblem::toText), then a line on omitted ones.
    QString toText() const;
    /// Writes toText() as UTF-8. False when writing fails.
    bool writeText(QIODevice &device) const;

private:
    QList<CvatProblem> m_problems;
    QList<QPair<CvatProblem::Kind, int>> m_counts;
    QList<QPair<CvatProblem::Severity, int>> m_severityCounts;
    int m_omitted = 0;
};

} // namespace Encord::Cvat
