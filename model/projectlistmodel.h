#pragma once

#include "recordlistmodel.h"
#include "records/project.h"
#include "titledcolumns.h"

namespace Encord {

/// The projects the user can see (EncordClient::getProjects with the filter), one per row.
/// The listing is the legacy v1 one, which carries no project status, so there is no status
/// column; it does carry the datasets and the benchmark source projects, which give the
/// type-specific columns (RecordRole still gives the whole Project).
class ProjectListModel final : public RecordListModel<Project>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)

public:
    enum Column {
        TitleColumn = TitledColumns::Title,
        DescriptionColumn,
        RoleColumn,     ///< "Admin", "Annotator", "Reviewer", …
        CreatedColumn,  ///< SortRole: QDateTime
        EditedColumn,   ///< SortRole: QDateTime
        DatasetsColumn, ///< number of attached datasets
        ReviewColumn,   ///< "Benchmark QA" with source projects, "Workflow" or "Manual QA"
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit ProjectListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QCoro::Task<Result<QList<Project>>> fetch(const EncordClient &client,
                                              const ListingFilter &filter,
                                              CancelToken token) const override;
    QString hashOf(const Project &record) const override;
    QVariant displayValue(const Project &record, int column) const override;
    QVariant sortValue(const Project &record, int column) const override;
};

} // namespace Encord
