#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QTreeWidget;

namespace Encord {

/// The outcome: the new project (opened in the browser on Finish) or the server's refusal,
/// and every issue the server reported, grouped by severity and type.
class CvatResultPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatResultPage)

public:
    explicit CvatResultPage(QWidget *parent = nullptr);

    void initializePage() override;

    bool openProject() const;
    QLabel *outcome() const { return m_outcome; }
    QTreeWidget *issues() const { return m_issues; }

private:
    QLabel *m_outcome;
    QTreeWidget *m_issues;
    QCheckBox *m_open;
};

} // namespace Encord
