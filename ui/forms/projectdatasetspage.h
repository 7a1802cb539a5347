#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace Encord {

class CheckableList;

/// New project wizard, step 2: tick the datasets the project annotates, from the user's
/// datasets (listed when the page is first shown), or make a new one with "New dataset…",
/// which comes back ticked. No dataset is fine: they can be attached later.
class ProjectDatasetsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDatasetsPage)

public:
    ProjectDatasetsPage(EncordClient client,
                        const QStringList &preselected,
                        QWidget *parent = nullptr);
    ~ProjectDatasetsPage() override;

    void initializePage() override;

    QStringList datasetHashes() const;
    /// The titles of the ticked datasets, for the summary.
    QStringList datasetTitles() const;

    CheckableList *list() const { return m_list; }
    QPushButton *newDatasetButton() const { return m_newDataset; }
    /// True once the listing arrived (or failed).
    bool isLoaded() const { return m_loaded; }

    /// Lists the datasets again; @p tick is ticked once listed.
    void reload(const QString &tick = {});

private:
    void createDataset();

    EncordClient m_client;
    RequestGeneration m_requests;
    CheckableList *m_list;
    QPushButton *m_newDataset;
    QLabel *m_error;
    bool m_loaded = false;
    bool m_started = false;
};

} // namespace Encord
