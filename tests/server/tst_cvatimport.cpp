// CVAT import on the real local server over loopback: every shared sample goes through
// EncordClient::createProjectFromCvat (the current flow: presigned URLs, PUTs, dataset, import
// job, long-poll), and the legacy v1 flow runs as raw signed requests. The created ontology,
// dataset and label rows are checked against counts taken from the XML independently of the
// reader.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "client/encordclient.h"
#include "cvat/cvatdocument.h"
#include "cvat/cvatexportfolder.h"
#include "cvat/cvatfoldercheck.h"
#include "cvat/cvatreader.h"
#include "cvatimportservice.h"
#include "cvatsamplecounts.h"
#include "labelrowstore.h"
#include "localserver.h"
#include "serverclient.h"
#include "sqlitedatabase.h"
#include "testpaths.h"
#include "userstore.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Encord;
using Encord::Server::LocalServer;

namespace {

using Counts = EncordTest::CvatObjectCounts;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString samplePath(const QString &sample, const QString &file)
{
    return EncordTest::sharedPath(QStringLiteral("samples/cvat/%1/%2").arg(sample, file));
}

// The sample's XML plus a small placeholder file at every path its images.tsv lists.
void makeExport(const QString &sample, const QString &into)
{
    writeFile(into + QStringLiteral("/annotations.xml"),
              readFile(samplePath(sample, QStringLiteral("annotations.xml"))));
    for (const QByteArray &line :
         readFile(samplePath(sample, QStringLiteral("images.tsv"))).split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString relative = QString::fromUtf8(line.split('\t').last());
        writeFile(into + QStringLiteral("/images/") + relative, "placeholder " + line);
    }
}

// What the import is given: the XML and each image file under the path it was found at.
CvatImportInput importInput(const QString &folderPath, const QString &datasetName)
{
    CvatImportInput input;
    const auto folder = Cvat::CvatExportFolder::open(folderPath, nullptr);
    if (!folder)
        return input;
    input.annotationsXml = readFile(folderPath + QStringLiteral("/annotations.xml"));
    Cvat::CvatReader reader(input.annotationsXml);
    reader.setVideoAsImages(true);
    reader.readHeader();
    Cvat::CvatFolderCheck check(folder->imageFiles(), reader.info());
    Cvat::CvatProblemReport report;
    while (std::optional<Cvat::CvatImage> image = reader.readNextImage()) {
        const auto resolution = check.resolve(*image, report);
        if (!resolution.file.isEmpty())
            input.images.append({resolution.file, folder->localImagePath(resolution.file)});
    }
    input.datasetName = datasetName;
    return input;
}

Counts expectedObjects(const QByteArray &xml)
{
    return EncordTest::expectedCvatObjects(xml);
}

Counts importedObjects(const QList<Server::LabelRowRecord> &rows)
{
    QList<QByteArray> contents;
    for (const Server::LabelRowRecord &row : rows)
        contents.append(row.content);
    return EncordTest::labelRowObjects(contents);
}

QStringList issueTypes(const CvatIssues &issues, const QList<CvatIssue> CvatIssues::*list)
{
    QStringList types;
    for (const CvatIssue &issue : issues.*list)
        types.append(issue.issueType);
    return types;
}

// COCO's compressed RLE text back into counts, written from the format's description.
QList<qint64> cocoCounts(const QString &text)
{
    QList<qint64> counts;
    qsizetype p = 0;
    while (p < text.size()) {
        qint64 value = 0;
        int shift = 0;
        bool more = true;
        qint64 group = 0;
        while (more && p < text.size()) {
            group = text.at(p++).unicode() - 48;
            value |= (group & 0x1f) << shift;
            more = group & 0x20;
            shift += 5;
        }
        if (group & 0x10)
            value |= -(qint64(1) << shift);
        if (counts.size() > 2)
            value += counts.at(counts.size() - 2);
        counts.append(value);
    }
    return counts;
}

// ---- Reference label rows -----------------------------------------------------------------
// An import's ontology, label rows and issues with every random or time-dependent value (hashes,
// object keys, dates) replaced by a stable name, so that two imports of one export compare equal
// as JSON values (key order and number spelling aside) and any change in what the server writes
// shows against the reference files in tests/server/data/cvat-reference. The files were written
// by the import as it stood before label rows were written as text; ENCORD_WRITE_REFERENCE=1
// rewrites them (only ever on purpose, after checking the difference).

using Names = QHash<QString, QString>;

void nameAttributes(const QJsonArray &attributes, const QString &parent, Names &names)
{
    for (const QJsonValue &value : attributes) {
        const QJsonObject attribute = value.toObject();
        const QString path =
            parent + QLatin1Char('/') + attribute[QLatin1String("name")].toString();
        names.insert(attribute[QLatin1String("featureNodeHash")].toString(),
                     QStringLiteral("<attribute %1>").arg(path));
        for (const QJsonValue &optionValue : attribute[QLatin1String("options")].toArray()) {
            const QJsonObject option = optionValue.toObject();
            const QString optionPath =
                path + QLatin1Char('=') + option[QLatin1String("label")].toString();
            names.insert(option[QLatin1String("featureNodeHash")].toString(),
                         QStringLiteral("<option %1>").arg(optionPath));
            nameAttributes(option[QLatin1String("options")].toArray(), optionPath, names);
        }
    }
}

// Feature hashes of an ontology structure named by their place in it.
Names ontologyNames(const QJsonObject &structure)
{
    Names names;
    for (const QJsonValue &value : structure[QLatin1String("objects")].toArray()) {
        const QJsonObject object = value.toObject();
        const QString path = object[QLatin1String("name")].toString() + QLatin1Char('/')
                             + object[QLatin1String("shape")].toString();
        names.insert(object[QLatin1String("featureNodeHash")].toString(),
                     QStringLiteral("<object %1>").arg(path));
        nameAttributes(object[QLatin1String("attributes")].toArray(), path, names);
    }
    for (const QJsonValue &value : structure[QLatin1String("classifications")].toArray()) {
        const QJsonObject classification = value.toObject();
        const QJsonArray attributes = classification[QLatin1String("attributes")].toArray();
        const QString path =
            QStringLiteral("tag ") + attributes[0][QLatin1String("name")].toString();
        names.insert(classification[QLatin1String("featureNodeHash")].toString(),
                     QStringLiteral("<classification %1>").arg(path));
        nameAttributes(attributes, path, names);
    }
    for (const QJsonValue &value : structure[QLatin1String("skeleton_templates")].toArray()) {
        const QJsonObject skeleton = value[QLatin1String("template")].toObject();
        const QString name = skeleton[QLatin1String("name")].toString();
        names.insert(skeleton[QLatin1String("feature_node_hash")].toString(),
                     QStringLiteral("<template %1>").arg(name));
        for (const QJsonValue &node : skeleton[QLatin1String("skeleton")].toObject())
            names.insert(
                node[QLatin1String("featureHash")].toString(),
                QStringLiteral("<node %1/%2>").arg(name, node[QLatin1String("name")].toString()));
    }
    return names;
}

QJsonValue renamed(const QJsonValue &value, const Names &names)
{
    if (value.isString())
        return names.value(value.toString(), value.toString());
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &element : value.toArray())
            result.append(renamed(element, names));
        return result;
    }
    if (value.isObject()) {
        QJsonObject result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result.insert(names.value(it.key(), it.key()), renamed(it.value(), names));
        return result;
    }
    return value;
}

// A label row with its own hashes named too: the row, its data and dataset, and its objects and
// classifications by their position in the data unit.
QJsonObject canonicalRow(const QJsonObject &row, Names names)
{
    names.insert(row[QLatin1String("label_hash")].toString(), QStringLiteral("<label row>"));
    names.insert(row[QLatin1String("data_hash")].toString(), QStringLiteral("<data>"));
    names.insert(row[QLatin1String("dataset_hash")].toString(), QStringLiteral("<dataset>"));
    names.insert(row[QLatin1String("created_at")].toString(), QStringLiteral("<time>"));
    names.insert(row[QLatin1String("last_edited_at")].toString(), QStringLiteral("<time>"));
    for (const QJsonValue &unit : row[QLatin1String("data_units")].toObject()) {
        names.insert(unit[QLatin1String("data_link")].toString(), QStringLiteral("<data link>"));
        const QJsonObject labels = unit[QLatin1String("labels")].toObject();
        int n = 0;
        for (const QJsonValue &object : labels[QLatin1String("objects")].toArray())
            names.insert(object[QLatin1String("objectHash")].toString(),
                         QStringLiteral("<object #%1>").arg(n++));
        n = 0;
        for (const QJsonValue &tag : labels[QLatin1String("classifications")].toArray())
            names.insert(tag[QLatin1String("classificationHash")].toString(),
                         QStringLiteral("<classification #%1>").arg(n++));
    }
    return renamed(row, names).toObject();
}

// Issues as sorted "type: instance" lines per severity: their order is not part of the contract.
QJsonObject canonicalIssues(const CvatIssues &issues)
{
    const auto lines = [](const QList<CvatIssue> &list) {
        QStringList result;
        for (const CvatIssue &issue : list) {
            for (const QString &instance : issue.instances)
                result.append(issue.issueType + QStringLiteral(": ") + instance);
        }
        result.sort();
        return QJsonArray::fromStringList(result);
    };
    return QJsonObject{{QStringLiteral("errors"), lines(issues.errors)},
                       {QStringLiteral("warnings"), lines(issues.warnings)},
                       {QStringLiteral("infos"), lines(issues.infos)}};
}

// Every shape kind, attribute type and odd case the conversion handles, in one small task.
QByteArray everyKindXml()
{
    return R"(<?xml version="1.0" encoding="utf-8"?>
<annotations>
<version>1.1</version>
<meta><task><name>every kind</name><labels>
<label><name>car</name><color>#ff0000</color><type>any</type><attributes>
<attribute><name>colour</name><mutable>False</mutable><input_type>select</input_type><default_value>red</default_value><values>red
green</values></attribute>
<attribute><name>parked</name><mutable>False</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false</values></attribute>
<attribute><name>speed</name><mutable>True</mutable><input_type>number</input_type><default_value>0</default_value><values>0
100
1</values></attribute>
</attributes></label>
<label><name>Road Area</name><color>#00ff00</color><type>polygon</type><attributes>
<attribute><name>note</name><mutable>True</mutable><input_type>text</input_type><default_value></default_value><values></values></attribute>
</attributes></label>
<label><name>unused</name><color>#0000ff</color><type>polyline</type><attributes></attributes></label>
<label><name>sky</name><color>#00ffff</color><type>mask</type><attributes></attributes></label>
<label><name>weather</name><color>#808080</color><type>tag</type><attributes>
<attribute><name>time</name><mutable>False</mutable><input_type>radio</input_type><default_value>day</default_value><values>day
night</values></attribute>
</attributes></label>
<label><name>quiet</name><type>tag</type><attributes></attributes></label>
<label><name>person</name><color>#804000</color><type>skeleton</type><attributes></attributes><svg>&lt;line data-type="edge" data-node-from="1" data-node-to="2"&gt;&lt;/line&gt;&lt;circle r="0.75" cx="10" cy="10" data-type="element node" data-element-id="1" data-node-id="1" data-label-name="head"&gt;&lt;/circle&gt;&lt;circle r="0.75" cx="10" cy="30" data-type="element node" data-element-id="2" data-node-id="2" data-label-name="foot"&gt;&lt;/circle&gt;</svg></label>
<label><name>head</name><type>points</type><attributes></attributes><parent>person</parent></label>
<label><name>foot</name><type>points</type><attributes></attributes><parent>person</parent></label>
</labels></task></meta>
<image id="0" name="a.png" width="200" height="100">
<box label="car" source="manual" occluded="1" z_order="2" xtl="10.5" ytl="20.25" xbr="60" ybr="70.125" group_id="3">
<attribute name="colour">blue</attribute>
<attribute name="parked">true</attribute>
<attribute name="speed">42.5</attribute>
</box>
<box label="car" source="auto" occluded="0" xtl="100" ytl="10" xbr="150" ybr="40" rotation="33.3">
<attribute name="colour">red</attribute>
<attribute name="parked">false</attribute>
</box>
<polygon label="Road Area" source="manual" points="0,0;200,0;200,100;0,100.5">
<attribute name="note">a "quoted" note &amp; a tab	and é</attribute>
</polygon>
<polyline label="lane" source="manual" points="1,2;3,4;5,6">
<attribute name="kind">dashed</attribute>
</polyline>
<points label="landmark" source="manual" points="10,10;20,20;30,30"></points>
<ellipse label="wheel" source="manual" cx="50" cy="50" rx="10" ry="5" rotation="45"></ellipse>
<mask label="sky" source="manual" rle="3, 4, 2, 6, 5" left="190" top="95" width="4" height="5"></mask>
<skeleton label="person" source="manual" z_order="0">
<points label="foot" source="manual" outside="0" occluded="0" points="20,80"></points>
<points label="head" source="manual" outside="1" occluded="0" points="20,20"></points>
<points label="hand" source="manual" outside="0" occluded="1" points="25,50"></points>
</skeleton>
<cuboid label="car" source="manual" xtl1="1" ytl1="1" xbl1="1" ybl1="9" xtr1="9" ytr1="1" xbr1="9" ybr1="9" xtl2="2" ytl2="2" xbl2="2" ybl2="8" xtr2="8" ytr2="2" xbr2="8" ybr2="8"></cuboid>
<box label="" source="manual" xtl="1" ytl="1" xbr="2" ybr="2"></box>
<polygon label="Road Area" source="manual" points="1,1;2,2"></polygon>
<tag label="weather" source="manual"><attribute name="time">night</attribute></tag>
<tag label="fog" source="auto"></tag>
</image>
<image id="1" name="sub/b.png" width="64" height="48">
<box label="car" source="manual" xtl="-5" ytl="0" xbr="70" ybr="48"></box>
<mask label="sky" source="manual" rle="0, 12" left="0" top="0" width="4" height="3"></mask>
<tag label="weather" source="manual"><attribute name="time">dusk</attribute></tag>
</image>
<image id="2" name="c.png">
<box label="car" source="manual" xtl="1" ytl="1" xbr="5" ybr="5"></box>
</image>
<image id="3" name="not-uploaded.png" width="10" height="10">
<box label="car" source="manual" xtl="1" ytl="1" xbr="5" ybr="5"></box>
</image>
</annotations>
)";
}

} // namespace

class TestCvatImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shouldImportEverySampleThroughTheClient_data();
    void shouldImportEverySampleThroughTheClient();
    void shouldTakeAnImportLargerThanTheServersBufferedBodies();
    void shouldBuildOntologyFromLabelsAndAttributes();
    void shouldImportVideoExportAsFrames();
    void shouldRefuseMalformedXmlAndCreateNoProject();
    void shouldRoundTripBoxPolygonAndMask();
    void shouldCarryTagsRotatedBoxesEllipsesAndReportCuboids();
    void shouldImportThroughLegacyV1Flow();
    void shouldImportThroughIntermediateV1Flow();
    void shouldListLabelRowsAndServeTheirContentToMembersOnly();
    void shouldRunTheImportAsAJobAndRefuseBadRequestsAtOnce();
    void shouldCreateNothingWhenTheImportIsCancelled();
    void shouldWriteWhatTheReferenceHolds_data();
    void shouldWriteWhatTheReferenceHolds();
    // Last: restarts the server.
    void shouldKeepLabelRowsAcrossRestart();

private:
    CvatImportResult import(const CvatImportInput &input);
    QList<Server::LabelRowRecord> labelRows(const QString &projectHash) const;
    qint64 count(const char *table) const;
    QJsonObject ontologyOf(const QString &projectHash) const;

    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    PrivateKey m_key;
    std::optional<EncordClient> m_client;
    std::unique_ptr<ServerClient> m_raw;
    QStringList m_projects;
};

void TestCvatImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_key = PrivateKey::generate();
    Server::UserStore(m_server->workspace()->database())
        .add(QStringLiteral("ann@example.com"), *PublicKey::fromRaw(m_key.publicKeyRaw()), true);
    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_client.emplace(m_key, QUrl(m_server->baseUrl()), settings);
    m_raw = std::make_unique<ServerClient>(m_server->port(), RequestSigner(m_key));
}

void TestCvatImport::cleanupTestCase()
{
    m_client.reset();
    m_raw.reset();
    m_server.reset();
}

CvatImportResult TestCvatImport::import(const CvatImportInput &input)
{
    const auto result =
        QCoro::waitFor(m_client->createProjectFromCvat(input, {}, std::chrono::seconds(60)));
    if (!result.ok()) {
        qWarning() << "import failed:" << result.error().message();
        return {};
    }
    return result.value();
}

QList<Server::LabelRowRecord> TestCvatImport::labelRows(const QString &projectHash) const
{
    return Server::LabelRowStore(m_server->workspace()->database()).list(projectHash, true);
}

qint64 TestCvatImport::count(const char *table) const
{
    return m_server->workspace()->database().scalar(QStringLiteral("SELECT COUNT(*) FROM ")
                                                    + QLatin1String(table));
}

QJsonObject TestCvatImport::ontologyOf(const QString &projectHash) const
{
    Server::SqliteStatement row = m_server->workspace()->database().prepare(
        QStringLiteral("SELECT o.editor FROM projects p JOIN ontologies o ON o.hash = p.ontology "
                       "WHERE p.hash = ?"),
        {projectHash});
    return row.next() ? QJsonDocument::fromJson(row.text(0).toUtf8()).object() : QJsonObject();
}

void TestCvatImport::shouldImportEverySampleThroughTheClient_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("images");
    QTest::addColumn<QString>("title");
    QTest::newRow("datumaro project") << "datumaro-export-project" << 6 << "test";
    QTest::newRow("datumaro task") << "datumaro-export-task" << 2 << "datumaro-export-task";
    QTest::newRow("job boxes") << "maxkuklavod-job-boxes" << 14 << "maxkuklavod-job-boxes";
    QTest::newRow("dagshub skeleton") << "dagshub-project-skeleton" << 4 << "Testing project";
}

void TestCvatImport::shouldTakeAnImportLargerThanTheServersBufferedBodies()
{
    // Given a server that holds no API body over 16 KiB in memory
    QTemporaryDir dir;
    LocalServer server(dir.filePath(QStringLiteral("workspace")));
    constexpr qint64 kLimit = 16 * 1024;
    server.setMaxBufferedBody(kLimit);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const PrivateKey key = PrivateKey::generate();
    Server::UserStore(server.workspace()->database())
        .add(QStringLiteral("big@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), true);
    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    const EncordClient client(key, QUrl(server.baseUrl()), settings);

    // And an export whose annotations.xml, read from its file, is several times that limit
    const QString folder = dir.filePath(QStringLiteral("export"));
    makeExport(QStringLiteral("datumaro-export-project"), folder);
    CvatImportInput input = importInput(folder, QStringLiteral("large"));
    const QByteArray xml = input.annotationsXml;
    const QString annotations = folder + QStringLiteral("/annotations.xml");
    writeFile(annotations, xml + "\n<!-- " + QByteArray(4 * kLimit, 'x') + " -->\n");
    input.annotationsXml.clear();
    input.annotationsFile = annotations;

    // Then any other call with a body over the limit is refused before it is read
    const auto refused = QCoro::waitFor(client.createDataset(
        QStringLiteral("too long"), StorageLocation::CordStorage, QString(kLimit, u'd')));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), ApiError::Kind::PayloadTooLarge);

    // And a large import from an unknown key is turned away before its body is stored, and
    // a body that is not the one signed is refused once received
    const QByteArray large = R"({"annotationsBase64":")" + QByteArray(4 * kLimit, 'Q') + R"("})";
    const ServerClient stranger(server.port(), RequestSigner(PrivateKey::generate()));
    QCOMPARE(stranger.v2("POST", "/v2/public/projects/cvat-import", large).status, 401);
    const ServerClient member(server.port(), RequestSigner(key));
    const ServerClient::Headers headers =
        member.v2Headers("POST", "/v2/public/projects/cvat-import", large, -30);
    QByteArray tampered = large;
    tampered[30] = 'R';
    QCOMPARE(member.raw("POST", "/v2/public/projects/cvat-import", headers, tampered).status, 401);

    // When the import is sent, its body spooled to disk instead
    const auto imported =
        QCoro::waitFor(client.createProjectFromCvat(input, {}, std::chrono::seconds(60)));

    // Then the project has every object of the XML
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message()));
    QVERIFY2(imported->success, QJsonDocument(imported->issues.toJson()).toJson().constData());
    QList<Server::LabelRowRecord> rows =
        Server::LabelRowStore(server.workspace()->database()).list(imported->projectHash, true);
    QCOMPARE(rows.size(), 6);
    QCOMPARE(importedObjects(rows), expectedObjects(xml));
    // And nothing of the request is left in the workspace once the job is over
    const auto leftovers = [&dir] {
        return QDir(dir.filePath(QStringLiteral("workspace")))
            .entryList({QStringLiteral("spool-*"), QStringLiteral("cvat-import-*")}, QDir::Files);
    };
    QTRY_VERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(QLatin1Char(' '))));
}

void TestCvatImport::shouldImportEverySampleThroughTheClient()
{
    QFETCH(QString, sample);
    QFETCH(int, images);
    QFETCH(QString, title);
    const QString folder = m_dir.filePath(sample);
    makeExport(sample, folder);
    const CvatImportInput input = importInput(folder, sample);
    QCOMPARE(input.images.size(), images);

    const CvatImportResult result = import(input);

    QVERIFY2(result.success, QJsonDocument(result.issues.toJson()).toJson().constData());
    QVERIFY(result.issues.errors.isEmpty());
    m_projects.append(result.projectHash);
    const auto project = QCoro::waitFor(m_client->getProject(result.projectHash));
    QVERIFY(project.ok());
    QCOMPARE(project->title, title);
    const auto dataset = QCoro::waitFor(m_client->getDataset(result.datasetHash));
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->title, sample);
    QCOMPARE(dataset->dataRows.size(), images);

    const QList<Server::LabelRowRecord> rows = labelRows(result.projectHash);
    QCOMPARE(rows.size(), images);
    QSet<QString> rowData;
    for (const Server::LabelRowRecord &row : rows)
        rowData.insert(row.dataHash);
    for (const DataRow &dataRow : dataset->dataRows)
        QVERIFY(rowData.contains(dataRow.dataHash));
    const Counts expected = expectedObjects(input.annotationsXml);
    QCOMPARE(importedObjects(rows), expected);
    // Every (label, shape) that has objects has its ontology object.
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QStringList key = it.key().split(QLatin1Char('|'));
        const bool found = std::any_of(project->editorOntology.objects.cbegin(),
                                       project->editorOntology.objects.cend(),
                                       [&](const OntologyObject &object) {
                                           return object.name == key.at(0)
                                                  && toWire(object.shape.value()) == key.at(1);
                                       });
        QVERIFY2(found, qPrintable(it.key()));
    }
}

void TestCvatImport::shouldBuildOntologyFromLabelsAndAttributes()
{
    const QString folder = m_dir.filePath(QStringLiteral("attributes"));
    makeExport(QStringLiteral("datumaro-export-task"), folder);
    const CvatImportInput input = importInput(folder, QStringLiteral("attributes"));

    const CvatImportResult result = import(input);

    QVERIFY(result.success);
    const auto project = QCoro::waitFor(m_client->getProject(result.projectHash));
    QVERIFY(project.ok());
    const auto label1 = std::find_if(project->editorOntology.objects.cbegin(),
                                     project->editorOntology.objects.cend(),
                                     [](const OntologyObject &o) {
                                         return o.name == QLatin1String("label1")
                                                && o.shape.value() == Shape::BoundingBox;
                                     });
    QVERIFY(label1 != project->editorOntology.objects.cend());
    QCOMPARE(label1->attributes.size(), 4);
    QCOMPARE(label1->attributes.at(1).name, QStringLiteral("a2"));
    QCOMPARE(label1->attributes.at(1).options.size(), 3);
    // The shapes with label="" are reported, not imported.
    QVERIFY(
        issueTypes(result.issues, &CvatIssues::warnings).contains(QStringLiteral("empty_label")));

    // The box's answers name the options of its label's attributes.
    const QJsonObject row =
        QJsonDocument::fromJson(labelRows(result.projectHash).first().content).object();
    const QJsonObject answers = row.value(QLatin1String("object_answers")).toObject();
    QCOMPARE(answers.size(), 1);
    const QJsonArray classifications =
        answers.begin()->toObject().value(QLatin1String("classifications")).toArray();
    QCOMPARE(classifications.size(), 4);
    QCOMPARE(classifications.at(1)[QLatin1String("answers")][0][QLatin1String("name")].toString(),
             QStringLiteral("v3"));
    QCOMPARE(classifications.at(2)[QLatin1String("answers")].toString(), QStringLiteral("0003"));
    QCOMPARE(row.value(QLatin1String("label_status")).toString(), QStringLiteral("LABELLED"));
}

void TestCvatImport::shouldImportVideoExportAsFrames()
{
    // start 10, stop 19, step 3: frames 10, 13 and 16 ship as PNGs, frame 19 does not.
    const QString sample = QStringLiteral("video-datumaro-task-step");
    const QString folder = m_dir.filePath(QStringLiteral("video"));
    QVERIFY(writeFile(folder + QStringLiteral("/annotations.xml"),
                      readFile(samplePath(sample, QStringLiteral("annotations.xml")))));
    for (const char *frame : {"frame_000010.png", "frame_000013.png", "frame_000016.png"}) {
        QVERIFY(writeFile(
            folder + QStringLiteral("/images/") + QLatin1String(frame),
            readFile(samplePath(sample, QStringLiteral("images/") + QLatin1String(frame)))));
    }
    const CvatImportInput input = importInput(folder, QStringLiteral("video"));
    QCOMPARE(input.images.size(), 3);
    // The legacy export type check accepts it as a task export too.
    const ServerClient::Reply info =
        m_raw->v1(QStringLiteral("projectimportercvatinfo"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("annotations_base64"),
                               QString::fromLatin1(input.annotationsXml.toBase64())}});
    QCOMPARE(info.response()[QLatin1String("success")][QLatin1String("export_type")].toString(),
             QStringLiteral("task"));

    const CvatImportResult result = import(input);

    QVERIFY2(result.success, QJsonDocument(result.issues.toJson()).toJson().constData());
    const QList<Server::LabelRowRecord> rows = labelRows(result.projectHash);
    QCOMPARE(rows.size(), 3);
    // Frame 10: the box of track 0 and the three points of track 1; frame 13: the polyline.
    const Counts expected{{QStringLiteral("II|bounding_box"), 1},
                          {QStringLiteral("klhg|point"), 3},
                          {QStringLiteral("II|polyline"), 1}};
    QCOMPARE(importedObjects(rows), expected);
    // Answers to mutable (dynamic) attributes hold for the row's one frame: the SDK reads
    // their range.
    int dynamicAnswers = 0;
    for (const Server::LabelRowRecord &row : rows) {
        const QJsonObject answers = QJsonDocument::fromJson(row.content)
                                        .object()
                                        .value(QLatin1String("object_answers"))
                                        .toObject();
        for (const QJsonValue &objectAnswers : answers) {
            for (const QJsonValue &answer :
                 objectAnswers[QLatin1String("classifications")].toArray()) {
                if (!answer.toObject().contains(QLatin1String("range")))
                    continue;
                QCOMPARE(answer[QLatin1String("range")].toArray(), (QJsonArray{QJsonArray{0, 0}}));
                ++dynamicAnswers;
            }
        }
    }
    QVERIFY(dynamicAnswers > 0);
    const auto missing = std::find_if(
        result.issues.warnings.cbegin(), result.issues.warnings.cend(), [](const CvatIssue &issue) {
            return issue.issueType == QLatin1String("missing_image");
        });
    QVERIFY(missing != result.issues.warnings.cend());
    QVERIFY(missing->instances.first().startsWith(QLatin1String("frame_000019")));
}

void TestCvatImport::shouldRoundTripBoxPolygonAndMask()
{
    // A 10 × 8 image with a box, a polygon and a 3 × 2 mask whose runs are 1 off, 4 on, 1 off.
    const QString folder = m_dir.filePath(QStringLiteral("roundtrip"));
    QVERIFY(writeFile(folder + QStringLiteral("/annotations.xml"),
                      "<?xml version=\"1.0\"?>\n<annotations><version>1.1</version><meta><task>"
                      "<name>round trip</name><labels><label><name>thing</name><type>any</type>"
                      "</label></labels></task></meta>\n"
                      "<image id=\"0\" name=\"a.png\" width=\"10\" height=\"8\">\n"
                      "<box label=\"thing\" xtl=\"1\" ytl=\"2\" xbr=\"6\" ybr=\"7\"/>\n"
                      "<polygon label=\"thing\" points=\"0,0;10,0;5,8\"/>\n"
                      "<mask label=\"thing\" rle=\"1, 4, 1\" left=\"2\" top=\"3\" width=\"3\" "
                      "height=\"2\"/>\n</image></annotations>\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/images/a.png"), "png"));

    const CvatImportResult result = import(importInput(folder, QStringLiteral("round trip")));

    QVERIFY(result.success);
    const QJsonObject row =
        QJsonDocument::fromJson(labelRows(result.projectHash).first().content).object();
    const QJsonArray objects = row.value(QLatin1String("data_units"))
                                   .toObject()
                                   .begin()
                                   ->toObject()
                                   .value(QLatin1String("labels"))
                                   .toObject()
                                   .value(QLatin1String("objects"))
                                   .toArray();
    QCOMPARE(objects.size(), 3);
    const QJsonObject box = objects.at(0)[QLatin1String("boundingBox")].toObject();
    QCOMPARE(box.value(QLatin1String("x")).toDouble() * 10, 1.0);
    QCOMPARE(box.value(QLatin1String("y")).toDouble() * 8, 2.0);
    QCOMPARE(box.value(QLatin1String("w")).toDouble() * 10, 5.0);
    QCOMPARE(box.value(QLatin1String("h")).toDouble() * 8, 5.0);
    const QJsonObject polygon = objects.at(1)[QLatin1String("polygon")].toObject();
    QCOMPARE(polygon.size(), 3);
    QCOMPARE(polygon.value(QLatin1String("2"))[QLatin1String("x")].toDouble() * 10, 5.0);
    QCOMPARE(polygon.value(QLatin1String("2"))[QLatin1String("y")].toDouble() * 8, 8.0);
    const QJsonObject mask = objects.at(2)[QLatin1String("bitmask")].toObject();
    QCOMPARE(mask.value(QLatin1String("width")).toInt(), 10);
    QCOMPARE(mask.value(QLatin1String("height")).toInt(), 8);
    // Row-major over the image: rows 3 and 4, columns 2 to 4, minus the first and last pixel.
    const QList<qint64> counts = cocoCounts(mask.value(QLatin1String("rleString")).toString());
    QCOMPARE(counts, (QList<qint64>{3 * 10 + 3, 2, 10 - 3, 2, 80 - (4 * 10 + 4)}));
}

void TestCvatImport::shouldCarryTagsRotatedBoxesEllipsesAndReportCuboids()
{
    const QString folder = m_dir.filePath(QStringLiteral("kinds"));
    QVERIFY(writeFile(
        folder + QStringLiteral("/annotations.xml"),
        "<annotations><version>1.1</version><meta><task><name>kinds</name><labels>\n"
        "<label><name>weather</name><type>tag</type><attributes><attribute><name>kind</name>"
        "<input_type>select</input_type><default_value>sun</default_value><values>sun\nrain"
        "</values></attribute></attributes></label>\n"
        "<label><name>car</name><type>any</type><attributes><attribute><name>parked</name>"
        "<input_type>checkbox</input_type><default_value>false</default_value><values>false"
        "</values></attribute></attributes></label>\n"
        "</labels></task></meta>\n"
        "<image id=\"0\" name=\"a.png\" width=\"100\" height=\"50\">\n"
        "<box label=\"car\" xtl=\"10\" ytl=\"10\" xbr=\"30\" ybr=\"20\" rotation=\"30\">"
        "<attribute name=\"parked\">true</attribute></box>\n"
        "<ellipse label=\"car\" cx=\"50\" cy=\"25\" rx=\"10\" ry=\"5\"/>\n"
        "<cuboid label=\"car\" xtl1=\"1\" ytl1=\"1\" xbl1=\"1\" ybl1=\"9\" xtr1=\"9\" "
        "ytr1=\"1\" xbr1=\"9\" ybr1=\"9\" xtl2=\"2\" ytl2=\"2\" xbl2=\"2\" ybl2=\"8\" "
        "xtr2=\"8\" ytr2=\"2\" xbr2=\"8\" ybr2=\"8\"/>\n"
        "<tag label=\"weather\"><attribute name=\"kind\">rain</attribute></tag>\n"
        "</image></annotations>\n"));
    QVERIFY(writeFile(folder + QStringLiteral("/images/a.png"), "png"));

    const CvatImportResult result = import(importInput(folder, QStringLiteral("kinds")));

    QVERIFY(result.success);
    // The cuboid has no 2D Encord shape: reported with its image and line.
    const auto cuboid = std::find_if(
        result.issues.warnings.cbegin(), result.issues.warnings.cend(), [](const CvatIssue &issue) {
            return issue.issueType == QLatin1String("unsupported_shape");
        });
    QVERIFY(cuboid != result.issues.warnings.cend());
    QVERIFY(cuboid->instances.first().startsWith(QLatin1String("a.png: A cuboid")));
    QVERIFY(cuboid->instances.first().endsWith(QLatin1String("line 9)")));

    const auto project = QCoro::waitFor(m_client->getProject(result.projectHash));
    QVERIFY(project.ok());
    QStringList shapes;
    for (const OntologyObject &object : project->editorOntology.objects)
        shapes.append(object.name + QLatin1Char('|') + toWire(object.shape.value()));
    QCOMPARE(
        shapes,
        (QStringList{QStringLiteral("car|rotatable_bounding_box"), QStringLiteral("car|polygon")}));
    QCOMPARE(project->editorOntology.classifications.size(), 1);
    const OntologyAttribute &tag =
        project->editorOntology.classifications.first().attributes.first();
    QCOMPARE(tag.name, QStringLiteral("weather"));
    QCOMPARE(tag.options.first().label, QStringLiteral("weather"));
    QCOMPARE(tag.options.first().attributes.first().name, QStringLiteral("kind"));
    QCOMPARE(tag.options.first().attributes.first().options.size(), 2);

    const QJsonObject row =
        QJsonDocument::fromJson(labelRows(result.projectHash).first().content).object();
    const QJsonObject labels = row.value(QLatin1String("data_units"))
                                   .toObject()
                                   .begin()
                                   ->toObject()
                                   .value(QLatin1String("labels"))
                                   .toObject();
    const QJsonArray objects = labels.value(QLatin1String("objects")).toArray();
    QCOMPARE(objects.size(), 2);
    const QJsonObject rotated = objects.at(0)[QLatin1String("rotatableBoundingBox")].toObject();
    QCOMPARE(rotated.value(QLatin1String("theta")).toDouble(), 30.0);
    QCOMPARE(rotated.value(QLatin1String("w")).toDouble() * 100, 20.0);
    QCOMPARE(objects.at(1)[QLatin1String("polygon")].toObject().size(), 32);
    QCOMPARE(labels.value(QLatin1String("classifications")).toArray().size(), 1);
    const QJsonObject answers = row.value(QLatin1String("classification_answers")).toObject();
    QCOMPARE(answers.size(), 1);
    const QJsonArray tagAnswers =
        answers.begin()->toObject().value(QLatin1String("classifications")).toArray();
    QCOMPARE(tagAnswers.size(), 2);
    QCOMPARE(tagAnswers.at(1)[QLatin1String("answers")][0][QLatin1String("name")].toString(),
             QStringLiteral("rain"));
    // The checkbox attribute became a checklist whose one option is ticked.
    const QJsonArray boxAnswers = row.value(QLatin1String("object_answers"))
                                      .toObject()
                                      .value(objects.at(0)[QLatin1String("objectHash")].toString())
                                      .toObject()
                                      .value(QLatin1String("classifications"))
                                      .toArray();
    QCOMPARE(boxAnswers.first()[QLatin1String("answers")].toArray().size(), 1);
}

void TestCvatImport::shouldRefuseMalformedXmlAndCreateNoProject()
{
    CvatImportInput input;
    input.annotationsXml = "<annotations><version>1.1</version>\n<image id=\"0\" name=\"a";
    input.datasetName = QStringLiteral("broken");
    const qint64 projectsBefore = count("projects");
    const qint64 ontologiesBefore = count("ontologies");

    const CvatImportResult result = import(input);

    QVERIFY(!result.success);
    const QStringList errors = issueTypes(result.issues, &CvatIssues::errors);
    QCOMPARE(errors, QStringList{QStringLiteral("malformed_xml")});
    QVERIFY(result.issues.errors.first().instances.first().contains(QLatin1String("line 2")));
    QCOMPARE(count("projects"), projectsBefore);
    QCOMPARE(count("ontologies"), ontologiesBefore);
}

void TestCvatImport::shouldImportThroughLegacyV1Flow()
{
    // ≤0.1.136: export type check, dataset, per-file signed URL and PUT, images PUT, then the
    // synchronous projectimporter with a path → data hash map.
    const QString folder = m_dir.filePath(QStringLiteral("legacy"));
    makeExport(QStringLiteral("maxkuklavod-job-boxes"), folder);
    const QByteArray xml = readFile(folder + QStringLiteral("/annotations.xml"));
    const QString xmlBase64 = QString::fromLatin1(xml.toBase64());

    const ServerClient::Reply info =
        m_raw->v1(QStringLiteral("projectimportercvatinfo"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("annotations_base64"), xmlBase64}});
    QCOMPARE(info.status, 200);
    QCOMPARE(info.response()[QLatin1String("success")][QLatin1String("export_type")].toString(),
             QStringLiteral("task"));

    const ServerClient::Reply dataset =
        m_raw->v1(QStringLiteral("dataset"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("title"), QStringLiteral("legacy")},
                              {QStringLiteral("type"), 0},
                              {QStringLiteral("create_backing_folder"), true}});
    const QString datasetHash = dataset.response()[QLatin1String("dataset_hash")].toString();
    QVERIFY(!datasetHash.isEmpty());

    QJsonArray signedUrls;
    QJsonObject map;
    const QStringList files = QDir(folder + QStringLiteral("/images")).entryList(QDir::Files);
    for (const QString &file : files) {
        const ServerClient::Reply url = m_raw->v1(QStringLiteral("signedimagesurl"),
                                                  QStringLiteral("GET"),
                                                  QJsonArray{file},
                                                  QJsonValue::Null,
                                                  QStringLiteral("dataset"),
                                                  datasetHash);
        QCOMPARE(url.status, 200);
        const QJsonObject slot = url.response().toArray().first().toObject();
        QCOMPARE(slot.value(QLatin1String("title")).toString(), file);
        const QUrl signedUrl(slot.value(QLatin1String("signed_url")).toString());
        const ServerClient::Reply put =
            m_raw->raw("PUT",
                       signedUrl.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toUtf8(),
                       {{"Content-Type", "image/jpeg"}},
                       readFile(folder + QStringLiteral("/images/") + file));
        QCOMPARE(put.status, 200);
        signedUrls.append(slot);
        map.insert(file, slot.value(QLatin1String("data_hash")));
    }
    const ServerClient::Reply images = m_raw->v1(QStringLiteral("images"),
                                                 QStringLiteral("PUT"),
                                                 QJsonValue::Null,
                                                 signedUrls,
                                                 QStringLiteral("dataset"),
                                                 datasetHash);
    QCOMPARE(images.status, 200);

    const ServerClient::Reply imported =
        m_raw->v1(QStringLiteral("projectimporter"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("cvat"),
                               QJsonObject{{QStringLiteral("annotations_base64"), xmlBase64}}},
                              {QStringLiteral("dataset_hash"), datasetHash},
                              {QStringLiteral("image_title_to_image_hash_map"), map},
                              {QStringLiteral("review_mode"), QStringLiteral("reviewed")},
                              {QStringLiteral("transform_bounding_boxes_to_polygons"), true}});

    QCOMPARE(imported.status, 200);
    const QJsonObject success = imported.response()[QLatin1String("success")].toObject();
    const QString projectHash = success.value(QLatin1String("project_hash")).toString();
    QVERIFY2(!projectHash.isEmpty(), imported.body.constData());
    QVERIFY(success.value(QLatin1String("issues")).toObject().contains(QLatin1String("infos")));
    const QList<Server::LabelRowRecord> rows = labelRows(projectHash);
    QCOMPARE(rows.size(), 14);
    // Boxes became polygons on request; the rows are marked reviewed; data hashes are the
    // ones signedimagesurl handed out.
    Counts expected;
    for (auto [key, value] : expectedObjects(xml).asKeyValueRange())
        expected[QString(key).replace(QLatin1String("bounding_box"), QLatin1String("polygon"))] =
            value;
    QCOMPARE(importedObjects(rows), expected);
    QSet<QString> hashes;
    for (const QJsonValue &hash : std::as_const(map))
        hashes.insert(hash.toString());
    for (const Server::LabelRowRecord &row : rows) {
        QVERIFY(hashes.contains(row.dataHash));
        if (row.objectCount > 0)
            QCOMPARE(row.status, QStringLiteral("REVIEWED"));
    }
}

void TestCvatImport::shouldImportThroughIntermediateV1Flow()
{
    // 0.1.137–0.1.145: no images PUT; the importer gets {data_hash, file_link, title} per
    // path and registers the rows itself.
    const QString folder = m_dir.filePath(QStringLiteral("intermediate"));
    makeExport(QStringLiteral("datumaro-export-task"), folder);
    const QByteArray xml = readFile(folder + QStringLiteral("/annotations.xml"));
    const ServerClient::Reply dataset =
        m_raw->v1(QStringLiteral("dataset"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("title"), QStringLiteral("intermediate")},
                              {QStringLiteral("type"), 0},
                              {QStringLiteral("create_backing_folder"), true}});
    const QString datasetHash = dataset.response()[QLatin1String("dataset_hash")].toString();
    const QStringList files{QStringLiteral("img0.jpg"), QStringLiteral("img1.jpg")};
    const ServerClient::Reply urls = m_raw->v1(QStringLiteral("signedimagesurl"),
                                               QStringLiteral("GET"),
                                               QJsonArray{files.at(0), files.at(1)},
                                               QJsonValue::Null,
                                               QStringLiteral("dataset"),
                                               datasetHash);
    QCOMPARE(urls.response().toArray().size(), 2);
    QJsonObject map;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject slot = urls.response().toArray().at(i).toObject();
        QCOMPARE(slot.value(QLatin1String("title")).toString(), files.at(i));
        const QUrl signedUrl(slot.value(QLatin1String("signed_url")).toString());
        QCOMPARE(m_raw
                     ->raw("PUT",
                           signedUrl.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toUtf8(),
                           {},
                           readFile(folder + QStringLiteral("/images/") + files.at(i)))
                     .status,
                 200);
        map.insert(
            files.at(i),
            QJsonObject{{QStringLiteral("data_hash"), slot.value(QLatin1String("data_hash"))},
                        {QStringLiteral("file_link"), slot.value(QLatin1String("file_link"))},
                        {QStringLiteral("title"), files.at(i)}});
    }

    const ServerClient::Reply imported =
        m_raw->v1(QStringLiteral("projectimporter"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("cvat"),
                               QJsonObject{{QStringLiteral("annotations_base64"),
                                            QString::fromLatin1(xml.toBase64())}}},
                              {QStringLiteral("dataset_hash"), datasetHash},
                              {QStringLiteral("image_title_to_image"), map},
                              {QStringLiteral("review_mode"), QStringLiteral("labelled")},
                              {QStringLiteral("transform_bounding_boxes_to_polygons"), false}});

    const QString projectHash =
        imported.response()[QLatin1String("success")][QLatin1String("project_hash")].toString();
    QVERIFY2(!projectHash.isEmpty(), imported.body.constData());
    QCOMPARE(labelRows(projectHash).size(), 2);
    const auto rows = QCoro::waitFor(m_client->getDataset(datasetHash));
    QVERIFY(rows.ok());
    QCOMPARE(rows->dataRows.size(), 2);
    QCOMPARE(importedObjects(labelRows(projectHash)), expectedObjects(xml));
}

void TestCvatImport::shouldListLabelRowsAndServeTheirContentToMembersOnly()
{
    const QString folder = m_dir.filePath(QStringLiteral("labelrows"));
    makeExport(QStringLiteral("datumaro-export-task"), folder);
    const CvatImportResult result = import(importInput(folder, QStringLiteral("label rows")));
    QVERIFY(result.success);
    const QList<Server::LabelRowRecord> stored = labelRows(result.projectHash);
    QCOMPARE(stored.size(), 2);

    // The desktop's listing: one entry per image, with the label row's hash and counts.
    const auto listed = QCoro::waitFor(m_client->listLabelRows(result.projectHash));
    QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message()));
    QCOMPARE(listed->size(), 2);
    for (const LabelRowMetadata &row : listed.value()) {
        const auto same = std::find_if(stored.cbegin(), stored.cend(), [&](const auto &s) {
            return row.labelHash && s.hash == *row.labelHash;
        });
        QVERIFY(same != stored.cend());
        QCOMPARE(row.dataHash, same->dataHash);
        QCOMPARE(row.objectCount.value_or(-1), same->objectCount);
        QCOMPARE(row.labelStatus, same->status);
        QCOMPARE(row.dataType, QStringLiteral("IMAGE"));
        QCOMPARE(row.datasetHash, result.datasetHash);
        QVERIFY(!row.dataTitle.isEmpty());
        QVERIFY(row.backingItemUuid.has_value());
    }

    // One row's content is the stored label row JSON.
    const auto content =
        QCoro::waitFor(m_client->getLabelRow(result.projectHash, stored.first().hash));
    QVERIFY(content.ok());
    QCOMPARE(content->labelHash, stored.first().hash);
    QCOMPARE(content->json, QJsonDocument::fromJson(stored.first().content).object());
    QVERIFY(!content->firstDataUnit().value(QLatin1String("labels")).toObject().isEmpty());

    // The SDK's own requests: list_label_rows_v2's filters and get_label_rows' list of hashes.
    const QString project = QStringLiteral("project");
    const ServerClient::Reply filtered =
        m_raw->v1(QStringLiteral("labelrowmetadata"),
                  QStringLiteral("GET"),
                  QJsonValue(),
                  QJsonObject{{QStringLiteral("include_uninitialised_labels"), true},
                              {QStringLiteral("label_hashes"), QJsonArray{stored.last().hash}},
                              {QStringLiteral("label_statuses"), QJsonValue()}},
                  project,
                  result.projectHash);
    QCOMPARE(filtered.status, 200);
    QCOMPARE(filtered.response().toArray().size(), 1);
    QCOMPARE(filtered.response()[0][QLatin1String("data_hash")].toString(), stored.last().dataHash);
    const ServerClient::Reply both = m_raw->v1(QStringLiteral("labelrow"),
                                               QStringLiteral("GET"),
                                               QJsonArray{stored.first().hash, stored.last().hash},
                                               QJsonObject{{QStringLiteral("multi_request"), true}},
                                               project,
                                               result.projectHash);
    QCOMPARE(both.status, 200);
    QCOMPARE(both.response().toArray().size(), 2);

    // A label row is read through its own project only, and by its members only.
    const ServerClient::Reply missing = m_raw->v1(QStringLiteral("labelrow"),
                                                  QStringLiteral("GET"),
                                                  QStringLiteral("no-such-label-row"),
                                                  QJsonObject(),
                                                  project,
                                                  result.projectHash);
    QCOMPARE(missing.status, 404);
    const PrivateKey outsiderKey = PrivateKey::generate();
    Server::UserStore(m_server->workspace()->database())
        .add(QStringLiteral("outsider@example.com"),
             *PublicKey::fromRaw(outsiderKey.publicKeyRaw()),
             false);
    const ServerClient outsider(m_server->port(), RequestSigner(outsiderKey));
    const ServerClient::Reply refusedList = outsider.v1(QStringLiteral("labelrowmetadata"),
                                                        QStringLiteral("GET"),
                                                        QJsonValue(),
                                                        QJsonObject(),
                                                        project,
                                                        result.projectHash);
    QVERIFY(refusedList.status >= 400);
    QVERIFY(refusedList.response().toArray().isEmpty() || !refusedList.response()[0].isObject());
    const ServerClient::Reply refusedRow = outsider.v1(QStringLiteral("labelrow"),
                                                       QStringLiteral("GET"),
                                                       stored.first().hash,
                                                       QJsonObject(),
                                                       project,
                                                       result.projectHash);
    QVERIFY(refusedRow.status >= 400);
    QVERIFY(!refusedRow.body.contains(stored.first().hash.toUtf8()));
}

void TestCvatImport::shouldKeepLabelRowsAcrossRestart()
{
    QVERIFY(!m_projects.isEmpty());
    QMap<QString, int> before;
    for (const QString &project : std::as_const(m_projects))
        before.insert(project, int(labelRows(project).size()));

    m_client.reset();
    m_raw.reset();
    m_server.reset();
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    QVERIFY(m_server->start());

    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(int(labelRows(it.key()).size()), it.value());
}

void TestCvatImport::shouldRunTheImportAsAJobAndRefuseBadRequestsAtOnce()
{
    const auto dataset = QCoro::waitFor(
        m_client->createDataset(QStringLiteral("job"), StorageLocation::CordStorage, {}, true));
    QVERIFY(dataset.ok());
    const QByteArray xml = readFile(
        samplePath(QStringLiteral("datumaro-export-task"), QStringLiteral("annotations.xml")));
    const auto body = [&](const QString &datasetUuid, const QByteArray &annotations) {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("annotationsBase64"),
                                QString::fromLatin1(annotations.toBase64())},
                               {QStringLiteral("datasetUuid"), datasetUuid},
                               {QStringLiteral("reviewMode"), QStringLiteral("labelled")},
                               {QStringLiteral("data"), QJsonArray()},
                               {QStringLiteral("transformBoundingBoxesToPolygons"), false}})
            .toJson(QJsonDocument::Compact);
    };
    const QByteArray route = "/v2/public/projects/cvat-import";
    const qint64 jobsBefore = count("cvat_import_jobs");

    // What cannot succeed is refused by the POST itself, before any job exists.
    QCOMPARE(m_raw->v2("POST", route, body(QStringLiteral("no-such-dataset"), xml)).status, 404);
    QCOMPARE(m_raw->v2("POST", route, body(dataset->datasetHash, QByteArray())).status, 400);
    QCOMPARE(count("cvat_import_jobs"), jobsBefore);

    // A good one answers the job's id; the import runs on; the long-poll gives its outcome.
    const ServerClient::Reply started = m_raw->v2("POST", route, body(dataset->datasetHash, xml));
    QCOMPARE(started.status, 200);
    const QString job = started.json().toString();
    QVERIFY(!job.isEmpty());
    const ServerClient::Reply now =
        m_raw->v2("GET", route + '/' + job.toLatin1() + "?timeoutSeconds=0");
    QCOMPARE(now.status, 200);
    QVERIFY(QStringList({QStringLiteral("PENDING"), QStringLiteral("DONE")})
                .contains(now.json()[QLatin1String("status")].toString()));
    const ServerClient::Reply done =
        m_raw->v2("GET", route + '/' + job.toLatin1() + "?timeoutSeconds=30");
    QCOMPARE(done.json()[QLatin1String("status")].toString(), QStringLiteral("DONE"));
    QVERIFY(!done.json()[QLatin1String("projectUuid")].toString().isEmpty());
    for (const char *key : {"errors", "warnings", "infos"})
        QVERIFY(done.json()[QLatin1String("issues")][QLatin1String(key)].isArray());
    // Only its owner sees it.
    const PrivateKey otherKey = PrivateKey::generate();
    Server::UserStore(m_server->workspace()->database())
        .add(QStringLiteral("other@example.com"),
             *PublicKey::fromRaw(otherKey.publicKeyRaw()),
             false);
    const ServerClient other(m_server->port(), RequestSigner(otherKey));
    QCOMPARE(other.v2("GET", route + '/' + job.toLatin1() + "?timeoutSeconds=0").status, 404);
}

void TestCvatImport::shouldCreateNothingWhenTheImportIsCancelled()
{
    const auto dataset = QCoro::waitFor(m_client->createDataset(
        QStringLiteral("cancelled"), StorageLocation::CordStorage, {}, true));
    QVERIFY(dataset.ok());
    Server::CvatImportRequest request;
    request.annotationsXml = readFile(
        samplePath(QStringLiteral("datumaro-export-project"), QStringLiteral("annotations.xml")));
    request.datasetHash = dataset->datasetHash;
    const auto user = Server::UserStore(m_server->workspace()->database())
                          .byEmail(QStringLiteral("ann@example.com"));
    QVERIFY(user);
    const qint64 projects = count("projects");
    const qint64 ontologies = count("ontologies");
    const qint64 rows = count("label_rows");

    // Stopped after the last image was read, just before the transaction: the latest point.
    for (const int stopAt : {1, 7}) {
        int asked = 0;
        const Server::CvatImportOutcome outcome =
            Server::CvatImportService(*m_server->workspace(), *user).run(request, [&] {
                return ++asked >= stopAt;
            });
        QVERIFY(!outcome.success);
        QVERIFY(outcome.projectHash.isEmpty());
        QVERIFY(QJsonDocument(outcome.issues).toJson().contains("nothing was created"));
        QCOMPARE(count("projects"), projects);
        QCOMPARE(count("ontologies"), ontologies);
        QCOMPARE(count("label_rows"), rows);
    }
}

void TestCvatImport::shouldWriteWhatTheReferenceHolds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("boxesAsPolygons");
    for (const char *sample : {"datumaro-export-project",
                               "datumaro-export-task",
                               "maxkuklavod-job-boxes",
                               "dagshub-project-skeleton",
                               "video-datumaro-task-step",
                               "every-kind"})
        QTest::newRow(sample) << QString::fromLatin1(sample) << false;
    QTest::newRow("every-kind, boxes as polygons") << QStringLiteral("every-kind") << true;
}

void TestCvatImport::shouldWriteWhatTheReferenceHolds()
{
    QFETCH(QString, name);
    QFETCH(bool, boxesAsPolygons);
    const QString reference =
        QStringLiteral(ENCORD_TEST_REFERENCE_DIR "/%1%2.json")
            .arg(name, boxesAsPolygons ? QStringLiteral("-polygons") : QString());
    const QString folder =
        m_dir.filePath(QStringLiteral("reference-") + QFileInfo(reference).baseName());
    if (name == QLatin1String("every-kind")) {
        QVERIFY(writeFile(folder + QStringLiteral("/annotations.xml"), everyKindXml()));
        for (const char *file : {"a.png", "sub/b.png", "c.png", "extra.png"})
            QVERIFY(writeFile(folder + QStringLiteral("/images/") + QLatin1String(file), file));
    } else if (name.startsWith(QLatin1String("video"))) {
        QVERIFY(writeFile(folder + QStringLiteral("/annotations.xml"),
                          readFile(samplePath(name, QStringLiteral("annotations.xml")))));
        for (const QString &frame :
             QDir(samplePath(name, QStringLiteral("images"))).entryList(QDir::Files))
            QVERIFY(writeFile(folder + QStringLiteral("/images/") + frame,
                              readFile(samplePath(name, QStringLiteral("images/") + frame))));
    } else {
        makeExport(name, folder);
    }
    CvatImportInput input = importInput(folder, name);
    input.transformBoundingBoxesToPolygons = boxesAsPolygons;
    if (name == QLatin1String("every-kind"))
        input.images.append(
            {QStringLiteral("extra.png"), folder + QStringLiteral("/images/extra.png")});

    const CvatImportResult result = import(input);

    QVERIFY2(result.success, QJsonDocument(result.issues.toJson()).toJson().constData());
    const QJsonObject structure = ontologyOf(result.projectHash);
    const Names names = ontologyNames(structure);
    QJsonArray rows;
    QJsonArray records;
    for (const Server::LabelRowRecord &row : labelRows(result.projectHash)) {
        const QJsonObject content = QJsonDocument::fromJson(row.content).object();
        QVERIFY2(!content.isEmpty(), row.content.left(200).constData());
        rows.append(canonicalRow(content, names));
        records.append(QJsonObject{{QStringLiteral("title"), content[QLatin1String("data_title")]},
                                   {QStringLiteral("status"), row.status},
                                   {QStringLiteral("objects"), row.objectCount},
                                   {QStringLiteral("classifications"), row.classificationCount}});
    }
    const QJsonObject actual{{QStringLiteral("ontology"), renamed(structure, names)},
                             {QStringLiteral("rows"), rows},
                             {QStringLiteral("records"), records},
                             {QStringLiteral("issues"), canonicalIssues(result.issues)}};

    if (qEnvironmentVariableIntValue("ENCORD_WRITE_REFERENCE") == 1) {
        QVERIFY(writeFile(reference, QJsonDocument(actual).toJson(QJsonDocument::Indented)));
        QSKIP("reference written");
    }
    const QJsonObject expected = QJsonDocument::fromJson(readFile(reference)).object();
    QVERIFY2(!expected.isEmpty(), qPrintable(reference));
    // Compared as JSON values; shown as indented text when they differ.
    const auto text = [](const QJsonValue &value) {
        return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Indented);
    };
    for (const char *part : {"ontology", "records", "issues"}) {
        if (actual[QLatin1String(part)] != expected[QLatin1String(part)])
            QCOMPARE(text(actual[QLatin1String(part)]), text(expected[QLatin1String(part)]));
    }
    QCOMPARE(rows.size(), expected[QLatin1String("rows")].toArray().size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i) != expected[QLatin1String("rows")][i])
            QCOMPARE(text(rows.at(i)), text(expected[QLatin1String("rows")][i]));
    }
}

QTEST_GUILESS_MAIN(TestCvatImport)
#include "tst_cvatimport.moc"
