#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"
#include "requestgeneration.h"

#include <QAbstractTableModel>
#include <QImage>
#include <QSet>
#include <QSize>

#include <functional>
#include <optional>

class QTimer;

namespace Encord {

class ImagePreviewLoader;

/// The data rows of one dataset (EncordClient::getDataset), one per row.
///
/// The dataset is fetched as soon as a client and a dataset hash are set, and again on every
/// reset (setClient, setDatasetHash, setShowClientMetadata, refresh); answers of an earlier
/// state are dropped (RequestGeneration). The answer of a large dataset is parsed off the GUI
/// thread by the api layer; its rows are inserted with one beginInsertRows().
///
/// With setShowClientMetadata(true) the dataset is fetched with fetch_client_metadata, a
/// MetadataColumn is added (compact JSON text) and ClientMetadataRole is filled.
///
/// With setThumbnailSize() the title column's DecorationRole shows a thumbnail of each image
/// row. Only rows a view asks about are fetched: their items are signed in batches (one
/// request per batch), downloaded and scaled by an ImagePreviewLoader whose cache is bounded
/// in memory. A placeholder stands in until the image arrives; dataChanged() follows.
class DataRowModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataRowModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Column {
        TitleColumn,
        TypeColumn,       ///< "Image", "Video", "DICOM", …
        SizeColumn,       ///< "1.5 MB"; SortRole: qint64 bytes (-1 when unknown)
        DimensionsColumn, ///< "1920 × 1080"; SortRole: qint64 pixel count (-1 when unknown)
        CreatedColumn,    ///< SortRole: QDateTime
        MetadataColumn,   ///< only while showClientMetadata(): the metadata as compact JSON
    };
    Q_ENUM(Column)

    enum Role {
        HashRole = Qt::UserRole + 1, ///< QString: the data hash, on every column
        DataRowRole,                 ///< DataRow, on every column
        SortRole,                    ///< a naturally sorting value per column; = EditRole
        /// QJsonObject: the row's client metadata (empty when not fetched or none), on every
        /// column.
        ClientMetadataRole,
    };
    Q_ENUM(Role)

    explicit DataRowModel(QObject *parent = nullptr);
    ~DataRowModel() override;

    void setClient(std::optional<EncordClient> client);
    const std::optional<EncordClient> &client() const { return m_client; }

    /// The dataset whose rows are shown; empty = none.
    void setDatasetHash(const QString &datasetHash);
    QString datasetHash() const { return m_datasetHash; }

    /// Fetch and show the rows' client metadata; fetches again when it changes.
    void setShowClientMetadata(bool show);
    bool showClientMetadata() const { return m_showClientMetadata; }

    /// Thumbnails of this size (fitting, aspect kept) in the title column; an empty size, the
    /// default, turns them off.
    void setThumbnailSize(const QSize &size);
    QSize thumbnailSize() const { return m_thumbnailSize; }

    /// Empties the table and fetches the dataset again.
    void refresh();

    /// The dataset's title from the last answer; empty before.
    QString datasetTitle() const { return m_datasetTitle; }
    bool isLoading() const { return m_loading; }
    const std::optional<ApiError> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const Encord::ApiError &error);
    /// The dataset arrived with @p count rows.
    void rowsLoaded(int count);
    /// The thumbnail of @p row arrived (also signalled as dataChanged).
    void thumbnailLoaded(int row);

private:
    QVariant thumbnail(int row) const;
    void signThumbnailBatch();
    void onThumbnail(const QString &key, const QImage &image);
    /// Resets the table, applying @p change inside the reset, and fetches the dataset again.
    void reload(const std::function<void()> &change);
    void onDataset(quint64 generation, Result<Dataset> answer);
    void setLoading(bool loading);

    std::optional<EncordClient> m_client;
    QString m_datasetHash;
    bool m_showClientMetadata = false;
    RequestGeneration m_requests;
    QList<DataRow> m_rows;
    QString m_datasetTitle;
    bool m_loading = false;
    std::optional<ApiError> m_lastError;

    QSize m_thumbnailSize;
    ImagePreviewLoader *m_thumbnails = nullptr;
    QTimer *m_thumbnailBatch = nullptr;
    QImage m_placeholder;
    QHash<QString, int> m_rowOfItem;
    // Asked for by a view and not yet signed; then on their way; then done or failed.
    mutable QSet<QString> m_thumbnailsWanted;
    QSet<QString> m_thumbnailsAsked;
};

} // namespace Encord
