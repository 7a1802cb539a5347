#pragma once

#include <QLabel>

namespace Encord {

/// The line beside (or under) a form field that says what is wrong with its value, in the
/// theme's error colour. Empty and collapsed while the value is fine.
class FieldMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    /// @p fieldName becomes part of the accessible name ("Title: problem").
    explicit FieldMessage(const QString &fieldName, QWidget *parent = nullptr);

    /// Shows @p message; an empty one hides the line.
    void setMessage(const QString &message);
    QString message() const { return text(); }
    bool hasMessage() const { return !text().isEmpty(); }
};

} // namespace Encord
