#include "storagefoldersummary.h"

#include "jsonreader.h"

namespace Encord {

StorageFolderSummary StorageFolderSummary::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    StorageFolderSummary summary;
    summary.files = reader.integer("files");
    summary.folders = reader.integer("folders");
    summary.videos = reader.integer("videos");
    summary.images = reader.integer("images");
    summary.imageGroups = reader.integer("imageGroups");
    summary.imageSequences = reader.integer("imageSequences");
    summary.dicomFiles = reader.integer("dicomFiles");
    summary.dicomSeries = reader.integer("dicomSeries");
    summary.niftis = reader.integer("niftis");
    summary.audios = reader.integer("audios");
    summary.pdfs = reader.integer("pdfs");
    summary.plainTexts = reader.integer("plainTexts");
    summary.tombstones = reader.integer("tombstones");
    summary.uploadJobs = reader.integer("uploadJobs");
    summary.totalSize = reader.number("totalSize");
    summary.extra = reader.unconsumed();
    return summary;
}

QJsonObject StorageFolderSummary::toJson() const
{
    QJsonObject json{
        {QStringLiteral("files"), files},
        {QStringLiteral("folders"), folders},
        {QStringLiteral("videos"), videos},
        {QStringLiteral("images"), images},
        {QStringLiteral("imageGroups"), imageGroups},
        {QStringLiteral("imageSequences"), imageSequences},
        {QStringLiteral("dicomFiles"), dicomFiles},
        {QStringLiteral("dicomSeries"), dicomSeries},
        {QStringLiteral("niftis"), niftis},
        {QStringLiteral("audios"), audios},
        {QStringLiteral("pdfs"), pdfs},
        {QStringLiteral("plainTexts"), plainTexts},
        {QStringLiteral("tombstones"), tombstones},
        {QStringLiteral("uploadJobs"), uploadJobs},
        {QStringLiteral("totalSize"), totalSize},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
