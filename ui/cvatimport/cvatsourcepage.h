#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace Encord {

/// The export to import: a folder or a .zip, typed, chosen or dropped.
class CvatSourcePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatSourcePage)

public:
    explicit CvatSourcePage(QWidget *parent = nullptr);

    bool isComplete() const override;
    QLineEdit *pathEdit() const { return m_path; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /// Why the typed path cannot be imported; empty when it can.
    QString problem() const;
    void updateProblem();

    QLineEdit *m_path;
    QLabel *m_problem;
};

} // namespace Encord
