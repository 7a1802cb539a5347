#pragma once

#include "savecondition.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QTableWidget;

namespace Encord {

/// The save conditions of a de-identification as a table a user edits: one row per condition
/// with the tag (picked by keyword from a list of the usual ones, or typed as a number such as
/// 0008,0060), the kind ("is one of" / "does not contain") and the values. A file is saved
/// only when every condition holds for every file of its series.
class SaveConditionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveConditionEditor)

public:
    explicit SaveConditionEditor(QWidget *parent = nullptr);
    ~SaveConditionEditor() override;

    /// Adds a row. @p tag is a keyword or a tag number; @p values are separated by commas for
    /// "is one of". Returns the row.
    int addCondition(const QString &tag = {},
                     Dicom::SaveCondition::Kind kind = Dicom::SaveCondition::Kind::In,
                     const QString &values = {});
    void removeCondition(int row);
    int rowCount() const;

    /// The conditions, or empty with the first problem in @p error (a sentence naming the row).
    std::optional<QList<Dicom::SaveCondition>> conditions(QString *error = nullptr) const;

    /// The tag a keyword ("Modality", any case) or a number ("0008,0060", "(0008,0060)",
    /// "00080060", "Modality (0008,0060)") names; empty when it names none.
    static std::optional<std::pair<std::uint16_t, std::uint16_t>> parseTag(const QString &text);

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
};

} // namespace Encord
