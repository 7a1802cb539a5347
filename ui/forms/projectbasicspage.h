#pragma once

#include <QWizardPage>

class QLineEdit;
class QPlainTextEdit;

namespace Encord {

class FieldMessage;

/// New project wizard, step 1: the project's title (required) and description. Registers the
/// fields "title" and "description".
class ProjectBasicsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectBasicsPage)

public:
    explicit ProjectBasicsPage(QWidget *parent = nullptr);

    bool isComplete() const override;

    QString title() const;
    QString description() const;

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    FieldMessage *titleMessage() const { return m_titleMessage; }

    static constexpr int kMaxTitleLength = 255;

private:
    QString titleProblem() const;

    QLineEdit *m_title;
    FieldMessage *m_titleMessage;
    QPlainTextEdit *m_description;
};

} // namespace Encord
