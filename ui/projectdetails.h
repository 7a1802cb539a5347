#pragma once

#include "detailspanel.h"
#include "requestgeneration.h"

#include <QColor>
#include <QHash>
#include <QPointer>

class QLabel;
class QListWidget;
class QTableView;
class QTreeView;

namespace Encord {

class ErrorBanner;
class LabelRowModel;
class LabelRowViewer;
class OntologyStructureModel;
struct Project;

/// A project's fields, status, workflow, datasets, label rows and its ontology's structure. The listing
/// carries only part of this, so the project is fetched when selected.
class ProjectDetails final : public DetailsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDetails)

public:
    explicit ProjectDetails(QWidget *parent = nullptr);

    void setClient(std::optional<EncordClient> client) override;
    void showIndex(const QModelIndex &index) override;

    OntologyStructureModel *structure() const { return m_structure; }
    QListWidget *datasets() const { return m_datasets; }
    LabelRowModel *labelRows() const { return m_labelRowModel; }
    QTableView *labelRowView() const { return m_labelRowView; }
    /// The label row viewer opened last (by double-click or Enter on a row), if still open.
    LabelRowViewer *openViewer() const;

    /// Opens the viewer of label row @p row of the table.
    void openLabelRow(int row);

private:
    /// Fetches the selected project and its datasets.
    void fetch();
    void showProject(const Project &project);

    RequestGeneration m_requests;
    QString m_projectHash;
    OntologyStructureModel *m_structure;
    QLabel *m_role;
    QLabel *m_status;
    QLabel *m_workflow;
    QLabel *m_created;
    ErrorBanner *m_banner;
    QListWidget *m_datasets;
    QTreeView *m_tree;
    LabelRowModel *m_labelRowModel;
    QTableView *m_labelRowView;
    QPointer<LabelRowViewer> m_viewer;
    QHash<QString, QColor> m_colours; ///< of the shown project's ontology objects
};

} // namespace Encord
