// encord-sample-workspace DIR: fills a local workspace with a few ontologies, datasets and
// projects, through the same protocol the app uses, so that scripts/screenshot shows the app
// as a user with some work in it sees it.

#include "localworkspace.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QJsonDocument>
#include <QJsonObject>
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
         QStringLiteral("Dash-cam frames from the spring drive, 2,400 images"),
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
