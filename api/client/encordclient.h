#pragma once

#include "auth/keyerror.h"
#include "auth/privatekey.h"
#include "client/cvatimportinput.h"
#include "client/cvatimportprogress.h"
#include "client/storagelistoptions.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "http/requestssettings.h"
#include "http/v1querier.h"
#include "http/v2client.h"
#include "records/clientmetadataschema.h"
#include "records/cloudintegration.h"
#include "records/createdatasetresponse.h"
#include "records/createprojectrequest.h"
#include "records/cvatimportjobstate.h"
#include "records/cvatimportresult.h"
#include "records/dataset.h"
#include "records/datasetaccesssettings.h"
#include "records/datasetapikey.h"
#include "records/datasetsummary.h"
#include "records/deidentifyjobstate.h"
#include "records/deidentifyrequest.h"
#include "records/group.h"
#include "records/labelrow.h"
#include "records/labelrowmetadata.h"
#include "records/listingfilter.h"
#include "records/ontology.h"
#include "records/page.h"
#include "records/project.h"
#include "records/projectapikey.h"
#include "records/projectdataset.h"
#include "records/storagefolder.h"
#include "records/storagefoldersummary.h"
#include "records/storageitem.h"
#include "records/uploadjobstate.h"
#include "records/uploadsignedurl.h"

#include <QCoroTask>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace Encord {

class HttpTransport;

/// Everything a user can do with Encord, as asynchronous calls: the operations of the SDK's
/// EncordUserClient (same names, same defaults) and the storage, upload and job calls the
/// desktop needs. Talks to the Encord cloud and to encord-local-server alike.
///
/// Every call is a QCoro::Task that never blocks, takes an optional CancelToken, and returns
/// a Result whose error says what went wrong. Calls copy what they need when they start, so
/// the client may be destroyed while they run (they then finish on their own). Routes are
/// the current ones of the protocol (spec §0); the legacy v1 routes are used where no current
/// route exists (API keys, project listing and creation).
///
/// Copies share one connection. Use from the thread that created it.
class EncordClient
{
public:
    static QUrl defaultDomain();
    static QUrl usDomain();

    EncordClient(PrivateKey key,
                 QUrl domain = defaultDomain(),
                 RequestsSettings settings = RequestsSettings());

    /// create_with_ssh_private_key: key text (OpenSSH container), optional passphrase. Sends
    /// nothing; a bad key is reported here.
    static Result<EncordClient, KeyError> createWithSshPrivateKey(
        const QByteArray &keyText,
        const QByteArray &passphrase = {},
        QUrl domain = defaultDomain(),
        RequestsSettings settings = RequestsSettings());

    QUrl domain() const { return m_domain; }
    /// The user's public key as 64 hex digits: who the server thinks we are.
    QString keyId() const;
    RequestsSettings requestsSettings() const;
    void setRequestsSettings(const RequestsSettings &settings);
    /// Aborts every call in flight on this connection (they end Cancelled).
    void cancelAll();

    // ---- Datasets -------------------------------------------------------------------------

    QCoro::Task<Result<Dataset>> getDataset(QString datasetHash,
                                            DatasetAccessSettings accessSettings = {},
                                            CancelToken token = {}) const;
    /// Deprecated in the SDK: a dataset without a backing storage folder.
    QCoro::Task<Result<CreateDatasetResponse>> createPrivateDataset(QString title,
                                                                    StorageLocation location,
                                                                    QString description = {},
                                                                    CancelToken token = {}) const;
    QCoro::Task<Result<CreateDatasetResponse>> createDataset(QString title,
                                                             StorageLocation location,
                                                             QString description = {},
                                                             bool createBackingFolder = true,
                                                             CancelToken token = {}) const;
    /// create_dataset of SDKs up to 0.1.152: the v1 `dataset` POST, the only route that carries
    /// the storage location (`type`), so that a server can refuse locations it does not offer
    /// (the local workspace keeps files only in its own storage).
    QCoro::Task<Result<CreateDatasetResponse>> createDatasetWithLocation(
        QString title,
        StorageLocation location,
        QString description = {},
        bool createBackingFolder = true,
        CancelToken token = {}) const;
    QCoro::Task<Result<QList<DatasetSummary>>> getDatasets(ListingFilter filter = {},
                                                           bool includeOrgAccess = false,
                                                           CancelToken token = {}) const;
    QCoro::Task<Result<DatasetApiKey>> createDatasetApiKey(QString datasetHash,
                                                           QString title,
                                                           QList<DatasetScope> scopes,
                                                           CancelToken token = {}) const;
    QCoro::Task<Result<QList<DatasetApiKey>>> getDatasetApiKeys(QString datasetHash,
                                                                CancelToken token = {}) const;
    QCoro::Task<Result<DatasetApiKey>> getOrCreateDatasetApiKey(QString datasetHash,
                                                                CancelToken token = {}) const;
    /// get_dataset_client: the SDK builds a dataset handle; here that is the dataset itself,
    /// fetched once so that a wrong hash fails now rather than later.
    QCoro::Task<Result<Dataset>> getDatasetClient(QString datasetHash,
                                                  CancelToken token = {}) const;

    // ---- Projects -------------------------------------------------------------------------

    /// The project with its ontology's structure in editorOntology.
    QCoro::Task<Result<Project>> getProject(QString projectHash, CancelToken token = {}) const;
    QCoro::Task<Result<QList<Project>>> getProjects(ListingFilter filter = {},
                                                    CancelToken token = {}) const;
    /// The new project's hash.
    QCoro::Task<Result<QString>> createProject(CreateProjectRequest request,
                                               CancelToken token = {}) const;
    QCoro::Task<Result<QString>> createProjectApiKey(QString projectHash,
                                                     QString title,
                                                     QList<ApiKeyScope> scopes,
                                                     CancelToken token = {}) const;
    QCoro::Task<Result<QList<ProjectApiKey>>> getProjectApiKeys(QString projectHash,
                                                                CancelToken token = {}) const;
    QCoro::Task<Result<QString>> getOrCreateProjectApiKey(QString projectHash,
                                                          CancelToken token = {}) const;
    /// get_project_client: see getDatasetClient().
    QCoro::Task<Result<Project>> getProjectClient(QString projectHash,
                                                  CancelToken token = {}) const;
    QCoro::Task<Result<QList<ProjectDataset>>> getProjectDatasets(QString projectHash,
                                                                  CancelToken token = {}) const;
    /// list_label_rows_v2: every data row of the project with its label row's metadata
    /// (v1 `labelrowmetadata` GET, uninitialised rows included).
    QCoro::Task<Result<QList<LabelRowMetadata>>> listLabelRows(QString projectHash,
                                                               CancelToken token = {}) const;
    /// get_label_row: one label row's content (v1 `labelrow` GET in the project's scope, which
    /// is why the project is needed as well as the label hash).
    QCoro::Task<Result<LabelRow>> getLabelRow(QString projectHash,
                                              QString labelHash,
                                              CancelToken token = {}) const;

    // ---- Ontologies -----------------------------------------------------------------------

    QCoro::Task<Result<Ontology>> getOntology(QString ontologyHash, CancelToken token = {}) const;
    QCoro::Task<Result<QList<Ontology>>> getOntologies(ListingFilter filter = {},
                                                       bool includeOrgAccess = false,
                                                       CancelToken token = {}) const;
    QCoro::Task<Result<Ontology>> createOntology(QString title,
                                                 QString description,
                                                 OntologyStructure structure,
                                                 CancelToken token = {}) const;

    // ---- Organisation ---------------------------------------------------------------------

    QCoro::Task<Result<QList<CloudIntegration>>> getCloudIntegrations(
        QStringList integrationUuids = {},
        QStringList titles = {},
        bool includeOrgAccess = false,
        CancelToken token = {}) const;
    QCoro::Task<Result<QList<Group>>> listGroups(CancelToken token = {}) const;
    /// nullopt when the organisation has no schema.
    QCoro::Task<Result<std::optional<ClientMetadataSchema>>> getClientMetadataSchema(
        CancelToken token = {}) const;
    /// Replaces the organisation's schema. Keys with unknown types are refused before sending.
    QCoro::Task<Result<void>> setClientMetadataSchemaFromDict(ClientMetadataSchema schema,
                                                              CancelToken token = {}) const;

    // ---- Storage --------------------------------------------------------------------------

    QCoro::Task<Result<StorageFolder>> createStorageFolder(
        QString name,
        QString description = {},
        std::optional<QJsonObject> clientMetadata = std::nullopt,
        std::optional<QString> parentFolder = std::nullopt,
        CancelToken token = {}) const;
    QCoro::Task<Result<StorageFolder>> getStorageFolder(QString folderUuid,
                                                        CancelToken token = {}) const;
    /// Top-level folders, every page.
    QCoro::Task<Result<QList<StorageFolder>>> listStorageFolders(StorageListOptions options = {},
                                                                 CancelToken token = {}) const;
    /// Folders at any depth matching options.search, every page.
    QCoro::Task<Result<QList<StorageFolder>>> findStorageFolders(StorageListOptions options = {},
                                                                 CancelToken token = {}) const;
    /// One page of the folders directly under @p parent (top level when unset): what a lazy
    /// tree asks for when a folder is expanded.
    QCoro::Task<Result<Page<StorageFolder>>> storageFolderPage(std::optional<QString> parent,
                                                               StorageListOptions options,
                                                               QString pageToken = {},
                                                               CancelToken token = {}) const;
    QCoro::Task<Result<StorageItem>> getStorageItem(QString itemUuid,
                                                    bool signUrl = false,
                                                    CancelToken token = {}) const;
    QCoro::Task<Result<QList<StorageItem>>> getStorageItems(QStringList itemUuids,
                                                            bool signUrls = false,
                                                            CancelToken token = {}) const;
    /// Items at any depth; options.search or options.itemTypes must be given (as in the SDK).
    QCoro::Task<Result<QList<StorageItem>>> findStorageItems(StorageListOptions options,
                                                             CancelToken token = {}) const;
    /// One page of the items in @p folder (at any depth below it when @p recursive).
    QCoro::Task<Result<Page<StorageItem>>> storageItemPage(QString folderUuid,
                                                           StorageListOptions options,
                                                           QString pageToken = {},
                                                           bool recursive = false,
                                                           CancelToken token = {}) const;
    QCoro::Task<Result<QList<StorageItem>>> getChildItems(QString folderUuid,
                                                          QString itemUuid,
                                                          bool signUrls = false,
                                                          CancelToken token = {}) const;
    QCoro::Task<Result<StorageFolderSummary>> getStorageFolderSummary(QString folderUuid,
                                                                      CancelToken token = {}) const;
    QCoro::Task<Result<StorageFolder>> updateStorageFolder(
        QString folderUuid,
        std::optional<QString> name,
        std::optional<QString> description,
        std::optional<QJsonObject> clientMetadata,
        CancelToken token = {}) const;
    QCoro::Task<Result<void>> deleteStorageFolder(QString folderUuid, CancelToken token = {}) const;
    /// Moves folders under @p newParent, or to the top level when unset.
    QCoro::Task<Result<void>> moveStorageFolders(QStringList folderUuids,
                                                 std::optional<QString> newParent,
                                                 CancelToken token = {}) const;

    // ---- Uploads --------------------------------------------------------------------------

    /// Signed URLs to upload @p count files of @p itemType into @p folderUuid.
    QCoro::Task<Result<QList<UploadSignedUrl>>> getFolderUploadUrls(QString folderUuid,
                                                                    StorageItemType itemType,
                                                                    int count,
                                                                    CancelToken token = {}) const;
    /// Signed URLs for files not yet in a folder (CVAT imports).
    QCoro::Task<Result<QList<UploadSignedUrl>>> getPresignedUrls(
        int count, StorageItemType itemType = StorageItemType::Image, CancelToken token = {}) const;
    /// Streams @p filePath to a signed URL with PUT. Success is HTTP 200 exactly.
    QCoro::Task<Result<void>> uploadFileToSignedUrl(
        QString signedUrl,
        QString filePath,
        QByteArray contentType = {},
        std::function<void(qint64, qint64)> progress = {},
        CancelToken token = {}) const;
    /// Registers uploaded files as items of @p folderUuid; returns the job id.
    /// @p dataItems is the spec's "dataItems" object (images, videos, …).
    QCoro::Task<Result<QString>> startDataUploadJob(QString folderUuid,
                                                    QJsonObject dataItems,
                                                    bool ignoreErrors = false,
                                                    CancelToken token = {}) const;
    QCoro::Task<Result<UploadJobState>> dataUploadJobResult(
        QString folderUuid,
        QString jobUuid,
        std::chrono::seconds deadline = std::chrono::hours(24),
        CancelToken token = {}) const;

    // ---- Jobs: DICOM de-identification and CVAT import ------------------------------------

    /// deidentify_dicom_files: starts the job and waits for it; the de-identified files' URLs.
    QCoro::Task<Result<QStringList>> deidentifyDicomFiles(
        DeidentifyRequest request,
        std::chrono::seconds deadline = std::chrono::hours(24),
        CancelToken token = {}) const;
    QCoro::Task<Result<QString>> startDicomDeidentification(DeidentifyRequest request,
                                                            CancelToken token = {}) const;
    QCoro::Task<Result<DeidentifyJobState>> dicomDeidentificationResult(
        QString jobUuid,
        std::chrono::seconds deadline = std::chrono::hours(24),
        CancelToken token = {}) const;

    /// create_project_from_cvat, current flow (spec §5.3): uploads the images, creates the
    /// dataset, starts the import and waits for it. @p progress gets (files done, files).
    QCoro::Task<Result<CvatImportResult>> createProjectFromCvat(
        CvatImportInput input,
        std::function<void(int, int)> progress = {},
        std::chrono::seconds deadline = std::chrono::hours(24),
        CancelToken token = {}) const;
    /// The same import with a fuller progress report: phase, files and bytes. Uploads run
    /// input.parallelUploads at a time (a new one starts as soon as one ends). Nothing is
    /// created on the server before every upload succeeded, so cancelling during the uploads
    /// leaves no dataset or project behind.
    QCoro::Task<Result<CvatImportResult>> importCvat(
        CvatImportInput input,
        std::function<void(const CvatImportProgress &)> progress = {},
        std::chrono::seconds deadline = std::chrono::hours(24),
        CancelToken token = {}) const;

private:
    std::shared_ptr<HttpTransport> m_transport;
    QUrl m_domain;
    V1Querier m_v1;
    V2Client m_v2;
};

} // namespace Encord
