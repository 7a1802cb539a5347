#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"
#include "records/listingfilter.h"
#include "requestgeneration.h"

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace Encord {

/// The shared base of the resource lists (datasets, projects, ontologies, cloud integrations,
/// groups): one table per listing, filled from one EncordClient call.
///
/// Life cycle: setClient(), setFilter() and refresh() reset the table and, when a client is
/// set, start the listing at once; rows are inserted (one beginInsertRows) when the answer
/// arrives. An answer that arrives after a later reset is dropped (see RequestGeneration), and
/// the request behind it is cancelled. Filtering happens on the server: the filter is sent
/// with the listing.
///
/// Subclasses keep the records (see RecordListModel) and describe their columns.
class ResourceListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    /// Roles shared by every resource list. Subclasses number theirs from FirstCustomRole.
    enum Role {
        /// QString: the resource's id (dataset, project or ontology hash, integration id,
        /// group hash), on every column.
        HashRole = Qt::UserRole + 1,
        /// The record itself (DatasetSummary, Project, Ontology, CloudIntegration, Group) as a
        /// QVariant, on every column; qvariant_cast it back.
        RecordRole,
        /// The column's value in a form that sorts naturally (QDateTime for dates, plain text
        /// otherwise). Use it as QSortFilterProxyModel::sortRole; EditRole answers the same.
        SortRole,
        FirstCustomRole = Qt::UserRole + 100,
    };
    Q_ENUM(Role)

    explicit ResourceListModel(QObject *parent = nullptr);
    ~ResourceListModel() override;

    /// Switches to another connection (or none): the table empties, answers of the previous
    /// client are dropped, and with a client the listing starts again.
    void setClient(std::optional<EncordClient> client);
    const std::optional<EncordClient> &client() const { return m_client; }

    /// Sets the server-side filter and lists again. An equal filter changes nothing.
    void setFilter(const ListingFilter &filter);
    const ListingFilter &filter() const { return m_filter; }

    /// Empties the table and lists again; without a client it only empties the table.
    void refresh();

    /// The order a view above shows the rows in: its sorting proxy's column (SortRole values),
    /// order and case sensitivity; column -1 is the listing's own order. Answers larger than
    /// sliceRows() are put in that order on a worker thread and inserted a slice at a time,
    /// with the event loop running between slices: a sorting proxy then appends each slice
    /// instead of sorting 100,000 rows in one go on the GUI thread. Takes effect from the
    /// next answer; the rows are the same either way.
    void setArrivalOrder(int column, Qt::SortOrder order, Qt::CaseSensitivity caseSensitivity);
    /// The number of rows inserted at a time from a large answer (default 2,000: a slice
    /// costs a sorting proxy a few milliseconds).
    void setSliceRows(qsizetype rows) { m_sliceRows = std::max<qsizetype>(1, rows); }
    qsizetype sliceRows() const { return m_sliceRows; }

    /// True from the start of a listing until its answer (or error) arrives.
    bool isLoading() const { return m_loading; }
    /// The error of the last listing; nullopt when it succeeded or is still running.
    const std::optional<ApiError> &lastError() const { return m_lastError; }

    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// The listing failed; the table stays empty. Show error.userMessage() to the user.
    void errorOccurred(const Encord::ApiError &error);
    /// A listing finished with @p count rows.
    void rowsLoaded(int count);

protected:
    /// Starts the listing of generation @p generation. Call finishLoad() or failLoad() with it
    /// when the answer arrives (not before this function returns).
    virtual void startLoad(const EncordClient &client,
                           const ListingFilter &filter,
                           CancelToken token,
                           quint64 generation) = 0;
    /// Forgets every record; called between beginResetModel() and endResetModel().
    virtual void clearRecords() = 0;

    struct ArrivalOrder
    {
        int column = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
        Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;
    };
    const ArrivalOrder &arrivalOrder() const { return m_arrivalOrder; }
    /// The row numbers of @p keys in @p order's order, comparing as QSortFilterProxyModel does
    /// (text by QString::compare with the case sensitivity, anything else by QVariant::compare),
    /// stable for equal keys. Thread-safe: it touches nothing but its arguments.
    static QList<qsizetype> arrivalPermutation(const QList<QVariant> &keys, ArrivalOrder order);

    /// False for answers of an earlier generation, which must be ignored.
    bool isCurrent(quint64 generation) const { return m_requests.isCurrent(generation); }
    /// The listing of @p generation delivered @p count rows (already inserted).
    void finishLoad(quint64 generation, int count);
    /// The listing of @p generation failed.
    void failLoad(quint64 generation, const ApiError &error);

private:
    void setLoading(bool loading);

    std::optional<EncordClient> m_client;
    ListingFilter m_filter;
    RequestGeneration m_requests;
    bool m_loading = false;
    std::optional<ApiError> m_lastError;
    ArrivalOrder m_arrivalOrder;
    qsizetype m_sliceRows = 2000;
};

} // namespace Encord
