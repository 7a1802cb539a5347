#include "deidresulttable.h"

#include <QHeaderView>
#include <QSaveFile>

namespace Encord {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString countText(const std::optional<int> &count)
{
    return count ? QString::number(*count) : QString();
}

} // namespace

DeidResultTable::DeidResultTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("deidResults"));
    setAccessibleName(tr("Result per file"));
    setHorizontalHeaderLabels({tr("File"),
                               tr("Status"),
                               tr("Output"),
                               tr("Removed tags"),
                               tr("Redacted boxes"),
                               tr("Error or note")});
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    setColumnWidth(SourceColumn, 220);
    setColumnWidth(StatusColumn, 80);
    setColumnWidth(OutputColumn, 260);
    setColumnWidth(RemovedTagsColumn, 95);
    setColumnWidth(BoxesColumn, 105);
}

DeidResultTable::~DeidResultTable() = default;

QString DeidResultTable::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Waiting:
        return tr("Waiting");
    case Outcome::Written:
        return tr("Written");
    case Outcome::NotSaved:
        return tr("Not saved");
    case Outcome::Failed:
        return tr("Failed");
    }
    return {};
}

void DeidResultTable::reset(const QStringList &sources)
{
    m_rows.clear();
    setRowCount(0);
    for (const QString &source : sources) {
        Row row;
        row.source = source;
        appendRow(row);
    }
}

void DeidResultTable::appendRow(const Row &row)
{
    m_rows.append(row);
    insertRow(rowCount());
    setRow(int(m_rows.size()) - 1, row);
}

void DeidResultTable::setRow(int index, const Row &row)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index] = row;
    const QStringList cells{row.source,
                            outcomeText(row.outcome),
                            row.output,
                            countText(row.removedTags),
                            countText(row.boxes),
                            row.note};
    for (int column = 0; column < ColumnCount; ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column));
        if (column == RemovedTagsColumn || column == BoxesColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(index, column, item);
    }
}

DeidResultTable::Row DeidResultTable::row(int index) const
{
    return m_rows.value(index);
}

QString DeidResultTable::toCsv() const
{
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header << csvField(horizontalHeaderItem(column)->text());
    QString csv = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Row &row : m_rows) {
        const QStringList fields{row.source,
                                 outcomeText(row.outcome),
                                 row.output,
                                 countText(row.removedTags),
                                 countText(row.boxes),
                                 row.note};
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        csv += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

bool DeidResultTable::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toCsv().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Encord
