#pragma once

#include <QIdentityProxyModel>

namespace Encord {

struct StorageItem;

/// Shows a storage folder's items (a StorageItemListModel) with only those the de-identification
/// service can take from one integration enabled: DICOM files reached through that integration,
/// which the service is given by their URL. Every other item stays listed, greyed out, with the
/// reason as its tooltip, so that a folder does not look empty or incomplete.
///
/// Files kept in Encord's own storage are refused although the local workspace server would
/// take them by UUID: the Encord service's job names files by their integration URL, and the
/// wizard must behave the same against both.
class DeidStorageItemFilter final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidStorageItemFilter)

public:
    explicit DeidStorageItemFilter(QObject *parent = nullptr);

    /// The integration whose files can be chosen; @p title is used in the tooltips.
    void setIntegration(const QString &uuid, const QString &title);
    QString integration() const { return m_integration; }

    /// Why @p item cannot be chosen (a sentence), or empty when it can.
    QString refusal(const StorageItem &item) const;
    /// Whether @p item is a DICOM file: by type, by MIME type, or by its name's extension (the
    /// files of an integration are registered as images when their type is not given).
    static bool isDicomFile(const StorageItem &item);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString m_integration;
    QString m_title;
};

} // namespace Encord
