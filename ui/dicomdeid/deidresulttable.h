#pragma once

#include <QString>
#include <QTableWidget>

#include <optional>

namespace Encord {

/// The run page's table: one row per source file with what became of it. Exports itself as
/// CSV (RFC 4180: a header line, fields quoted when they hold a comma, quote or line break).
class DeidResultTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidResultTable)

public:
    enum Column {
        SourceColumn,
        StatusColumn,
        OutputColumn,
        RemovedTagsColumn,
        BoxesColumn,
        NoteColumn,
        ColumnCount,
    };

    enum class Outcome {
        Waiting,
        Written,
        NotSaved,
        Failed,
    };

    /// What became of one file. Counts are unknown (empty) for files the service processed.
    struct Row
    {
        QString source;
        Outcome outcome = Outcome::Waiting;
        QString output;
        std::optional<int> removedTags;
        std::optional<int> boxes;
        QString note; ///< the error, or why nothing was saved
    };

    explicit DeidResultTable(QWidget *parent = nullptr);
    ~DeidResultTable() override;

    /// One waiting row per source.
    void reset(const QStringList &sources);
    void setRow(int index, const Row &row);
    /// Appends a row (an output the service reported that matches no source).
    void appendRow(const Row &row);
    Row row(int index) const;

    static QString outcomeText(Outcome outcome);

    QString toCsv() const;
    /// Writes toCsv() to @p path (UTF-8); false with a sentence in @p error.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

private:
    QList<Row> m_rows;
};

} // namespace Encord
