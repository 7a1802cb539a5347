// What the models show for values: words for enums, human readable sizes. No network.

#include "modelformat.h"

#include <QLocale>
#include <QTest>

using namespace Encord;

class TestModelFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void shouldWriteSizesForPeople_data();
    void shouldWriteSizesForPeople();
    void shouldNameRolesInWords();
    void shouldNameTypesAndShapes();
};

void TestModelFormat::shouldWriteSizesForPeople_data()
{
    QTest::addColumn<std::optional<qint64>>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << std::optional<qint64>() << QString();
    QTest::newRow("zero") << std::optional<qint64>(0) << QStringLiteral("0 B");
    QTest::newRow("just below a KB") << std::optional<qint64>(1023) << QStringLiteral("1023 B");
    QTest::newRow("one and a half KB") << std::optional<qint64>(1536) << QStringLiteral("1.5 KB");
    QTest::newRow("three MB") << std::optional<qint64>(3 * 1024 * 1024) << QStringLiteral("3.0 MB");
    QTest::newRow("two TB") << std::optional<qint64>(2LL << 40) << QStringLiteral("2.0 TB");
    QTest::newRow("beyond TB stays TB")
        << std::optional<qint64>(2048LL << 40) << QStringLiteral("2048.0 TB");
}

void TestModelFormat::shouldWriteSizesForPeople()
{
    QFETCH(std::optional<qint64>, bytes);
    QFETCH(QString, expected);
    QCOMPARE(ModelFormat::byteSize(bytes), expected);
}

void TestModelFormat::shouldNameRolesInWords()
{
    QCOMPARE(ModelFormat::roleName(std::optional(DatasetUserRole::Admin)), QStringLiteral("Admin"));
    QCOMPARE(ModelFormat::roleName(std::optional<DatasetUserRole>()),
             QStringLiteral("Organisation"));
    QCOMPARE(ModelFormat::roleName(std::optional(ProjectUserRole::AnnotatorReviewer)),
             QStringLiteral("Annotator & reviewer"));
    QCOMPARE(ModelFormat::roleName(std::optional(OntologyUserRole::User)), QStringLiteral("User"));
    const std::optional<WireEnum<ProjectUserRole>> wire = WireEnum(ProjectUserRole::TeamManager);
    QCOMPARE(ModelFormat::roleName(ModelFormat::known(wire)), QStringLiteral("Team manager"));
}

void TestModelFormat::shouldNameTypesAndShapes()
{
    QCOMPARE(ModelFormat::storageName(std::optional(StorageLocation::Aws)),
             QStringLiteral("AWS S3"));
    QCOMPARE(ModelFormat::itemTypeName(StorageItemType::DicomSeries),
             QStringLiteral("DICOM series"));
    QCOMPARE(ModelFormat::dataTypeName(DataType::ImageGroup), QStringLiteral("Image group"));
    QCOMPARE(ModelFormat::shapeName(Shape::RotatableBoundingBox),
             QStringLiteral("Rotatable bounding box"));
    QCOMPARE(ModelFormat::attributeTypeName(AttributeType::Numeric), QStringLiteral("Numeric"));
    QCOMPARE(ModelFormat::dimensions(1920, 1080), QStringLiteral("1920 × 1080"));
    QCOMPARE(ModelFormat::dimensions(1920, std::nullopt), QString());
    QCOMPARE(ModelFormat::shortDate(QDateTime()), QString());
}

QTEST_GUILESS_MAIN(TestModelFormat)
#include "tst_modelformat.moc"
