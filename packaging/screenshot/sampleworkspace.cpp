// encord-sample-workspace DIR: fills a local workspace with a few ontologies, datasets and
// projects, through the same protocol the app uses, so that scripts/screenshot shows the app
// as a user with some work in it sees it.

#include "localworkspace.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Encord;

namespace {

int fail(const QString &what)
{
    QTextStream(stderr) << "encord-sample-workspace: " << what << Qt::endl;
    return 1;
}

OntologyStructure structure(const char *json)
{
    return OntologyStructure::fromJson(QJsonDocument::fromJson(json).object());
}

// A made-up street frame: sky, road, lane marks and a few cars, different for each @p index,
// so that the data rows show thumbnails a person can tell apart. Painted on a QImage, which
// needs no QGuiApplication as long as no text is drawn.
QImage streetFrame(int index, bool night)
{
    QImage image(640, 400, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor sky = night ? QColor(20, 24, 48) : QColor::fromHsv(205, 90, 235 - index * 6);
    painter.fillRect(0, 0, 640, 220, sky);
    painter.fillRect(0, 220, 640, 180, night ? QColor(40, 40, 44) : QColor(105, 108, 112));
    painter.setPen(QPen(QColor(235, 235, 220), 6, Qt::DashLine));
    painter.drawLine(320, 230, 320 - index * 12, 400);
    const QColor cars[] = {
        QColor(200, 40, 30), QColor(30, 80, 170), QColor(230, 200, 60), QColor(60, 150, 80)};
    for (int car = 0; car < 2 + index % 3; ++car) {
        const int x = (index * 97 + car * 181) % 520;
        const int y = 240 + (car * 37 + index * 11) % 90;
        painter.setPen(Qt::NoPen);
        painter.setBrush(cars[(index + car) % 4]);
        painter.drawRoundedRect(x, y, 110, 50, 10, 10);
        painter.setBrush(QColor(30, 30, 30));
        painter.drawEllipse(x + 12, y + 38, 22, 22);
        painter.drawEllipse(x + 76, y + 38, 22, 22);
    }
    return image;
}

// Uploads @p count frames into @p folderUuid the way the app's uploads do (signed URLs, then
// one upload job); an empty string on success, else what went wrong.
QString uploadFrames(const EncordClient &client,
                     const QString &folderUuid,
                     int count,
                     bool night,
                     const QString &prefix)
{
    const auto urls =
        QCoro::waitFor(client.getFolderUploadUrls(folderUuid, StorageItemType::Image, count));
    if (!urls.ok())
        return urls.error().message();
    QTemporaryDir files;
    QJsonArray images;
    for (int i = 0; i < urls->size(); ++i) {
        const QString name = prefix + QStringLiteral("_%1.jpg").arg(i + 1, 4, 10, QLatin1Char('0'));
        const QString path = files.filePath(name);
        if (!streetFrame(i, night).save(path, "JPEG", 85))
            return QStringLiteral("cannot write %1").arg(path);
        const UploadSignedUrl &url = urls->at(i);
        const auto put = QCoro::waitFor(client.uploadFileToSignedUrl(url.signedUrl, path));
        if (!put.ok())
            return put.error().message();
        images.append(QJsonObject{{QStringLiteral("objectUrl"), url.objectKey},
                                  {QStringLiteral("title"), name},
                                  {QStringLiteral("clientMetadata"),
                                   QJsonObject{{QStringLiteral("camera"), QStringLiteral("front")},
                                               {QStringLiteral("frame"), i + 1}}},
                                  {QStringLiteral("placeholderItemUuid"), url.itemUuid}});
    }
    const auto job = QCoro::waitFor(
        client.startDataUploadJob(folderUuid, QJsonObject{{QStringLiteral("images"), images}}));
    if (!job.ok())
        return job.error().message();
    const auto state = QCoro::waitFor(
        client.dataUploadJobResult(folderUuid, job.value(), std::chrono::seconds(60)));
    if (!state.ok())
        return state.error().message();
    return state->status.value() == UploadJobStatus::Done ? QString()
                                                          : QStringLiteral("upload job failed");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2)
        return fail(QStringLiteral("usage: encord-sample-workspace DIR"));

    QString error;
    const auto workspace = LocalWorkspace::open(arguments.at(1), &error);
    if (!workspace)
        return fail(error);
    const EncordClient client = workspace->client();

    const auto traffic = structure(R"({"objects": [
        {"id": "1", "name": "Car", "color": "#D33115", "shape": "bounding_box",
         "featureNodeHash": "a1b2c3d4"},
        {"id": "2", "name": "Pedestrian", "color": "#E27300", "shape": "polygon",
         "featureNodeHash": "b2c3d4e5"},
        {"id": "3", "name": "Traffic light", "color": "#16406C", "shape": "point",
         "featureNodeHash": "c3d4e5f6"}],
        "classifications": []})");
    const auto chest = structure(R"({"objects": [
        {"id": "1", "name": "Nodule", "color": "#FE9200", "shape": "polygon",
         "featureNodeHash": "d4e5f6a7"},
        {"id": "2", "name": "Pleural effusion", "color": "#FCDC00", "shape": "bitmask",
         "featureNodeHash": "e5f6a7b8"}],
        "classifications": []})");

    struct Setup
    {
        QString dataset;
        QString description;
        QString ontology;
        OntologyStructure structure;
    };
    const QList<Setup> setups{
        {QStringLiteral("Street scenes — Berlin"),
         QStringLiteral("Dash-cam frames from the spring drive"),
         QStringLiteral("Traffic participants"),
         traffic},
        {QStringLiteral("Street scenes — Lyon"),
         QStringLiteral("Night-time frames for the low-light benchmark"),
         QString(),
         traffic},
        {QStringLiteral("Chest X-rays (de-identified)"),
         QStringLiteral("PA and lateral views, DICOM, tags stripped"),
         QStringLiteral("Chest findings"),
         chest},
        {QStringLiteral("Warehouse shelves"),
         QStringLiteral("Stock-keeping photos from three sites"),
         QString(),
         traffic},
    };

    QString ontologyHash;
    for (const Setup &setup : setups) {
        const auto dataset = QCoro::waitFor(
            client.createDataset(setup.dataset, StorageLocation::CordStorage, setup.description));
        if (!dataset.ok())
            return fail(dataset.error().message());
        if (setup.dataset.startsWith(QLatin1String("Street scenes"))
            && dataset.value().backingFolderUuid) {
            const bool night = setup.dataset.endsWith(QLatin1String("Lyon"));
            const QString failed =
                uploadFrames(client,
                             *dataset.value().backingFolderUuid,
                             night ? 6 : 12,
                             night,
                             night ? QStringLiteral("lyon_night") : QStringLiteral("berlin_drive"));
            if (!failed.isEmpty())
                return fail(failed);
        }
        if (!setup.ontology.isEmpty()) {
            const auto ontology = QCoro::waitFor(client.createOntology(
                setup.ontology, QStringLiteral("Shared by the team's projects"), setup.structure));
            if (!ontology.ok())
                return fail(ontology.error().message());
            ontologyHash = ontology.value().ontologyHash;
        }
        CreateProjectRequest request;
        request.title =
            setup.dataset.section(QStringLiteral(" — "), 0, 0) + QStringLiteral(" annotation");
        if (setup.ontology.isEmpty())
            request.title += QStringLiteral(" (review)");
        request.description = setup.description;
        request.datasetHashes = {dataset.value().datasetHash};
        request.ontologyHash = ontologyHash;
        const auto project = QCoro::waitFor(client.createProject(request));
        if (!project.ok())
            return fail(project.error().message());
    }
    QTextStream(stdout) << "filled " << arguments.at(1) << Qt::endl;
    return 0;
}
