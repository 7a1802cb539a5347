// The CVAT reader against every shared sample and against small hand-made files, one per
// problem the report must name, plus hostile input (DTDs, entities, escaping names, a large
// stream read in bounded memory).

#include "cvat/cvatdocument.h"
#include "cvat/cvatreader.h"
#include "cvat/cvatrle.h"
#include "testpaths.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace Encord::Cvat;
using Kind = CvatShape::Kind;
using Problem = CvatProblem::Kind;

// AddressSanitizer keeps freed blocks resident in its quarantine, which would measure the
// sanitizer instead of the reader in shouldReadLargeStreamInBoundedMemory. Without ASan this
// function is never called.
extern "C" const char *__asan_default_options()
{
    return "quarantine_size_mb=0";
}

namespace {

QByteArray imagesExport(const QByteArray &labels, const QByteArray &images)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n<version>1.1</version>\n"
           "<meta><task><id>1</id><name>t</name><labels>\n"
           + labels + "</labels></task></meta>\n" + images + "</annotations>\n";
}

QByteArray oneImage(const QByteArray &children)
{
    return "<image id=\"0\" name=\"a.jpg\" width=\"100\" height=\"50\">\n" + children
           + "</image>\n";
}

const QByteArray kLabelCar = "<label><name>car</name><type>any</type><attributes>"
                             "<attribute><name>color</name><mutable>False</mutable>"
                             "<input_type>select</input_type><default_value>red</default_value>"
                             "<values>red\nblue</values></attribute>"
                             "<attribute><name>speed</name><input_type>number</input_type>"
                             "<default_value>0</default_value><values>0\n100\n1</values>"
                             "</attribute></attributes></label>\n";

CvatDocument readSample(const QString &folder)
{
    return CvatDocument::readFile(
        EncordTest::sharedPath(QStringLiteral("samples/cvat/%1/annotations.xml").arg(folder)));
}

// Resident memory of this process in kB (Linux).
qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A sequential device producing a long images export on the fly, never holding it whole.
class GeneratedExport final : public QIODevice
{
public:
    explicit GeneratedExport(qint64 images)
        : m_images(images)
    {
        open(QIODevice::ReadOnly);
        m_pending = "<annotations><version>1.1</version><meta><task><labels><label><name>car"
                    "</name></label></labels></task></meta>\n";
    }
    bool isSequential() const override { return true; }
    qint64 produced() const { return m_produced; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_offset == m_pending.size()) {
            m_pending.clear();
            m_offset = 0;
            while (m_pending.size() < 64 * 1024 && m_next <= m_images)
                m_pending += nextChunk();
        }
        if (m_offset == m_pending.size())
            return -1;
        const qint64 n = std::min<qint64>(maxSize, m_pending.size() - m_offset);
        memcpy(data, m_pending.constData() + m_offset, size_t(n));
        m_offset += n;
        m_produced += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_images;
    qint64 m_next = 0;
    qint64 m_produced = 0;
    qint64 m_offset = 0;
    QByteArray m_pending;

    QByteArray nextChunk()
    {
        const qint64 index = m_next++;
        if (index == m_images)
            return "</annotations>\n";
        return "<image id=\"" + QByteArray::number(index) + "\" name=\"img"
               + QByteArray::number(index)
               + ".jpg\" width=\"640\" height=\"480\">"
                 "<box label=\"car\" xtl=\"1\" ytl=\"2\" xbr=\"30\" ybr=\"40\"/>"
                 "<polygon label=\"car\" points=\"1,1;50,1;50,50;1,50;20,30;"
                 "10,10;40,40;30,20\"/></image>\n";
    }
};

} // namespace

class TestCvatReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadEverySampleWithItsShapeCounts_data();
    void shouldReadEverySampleWithItsShapeCounts();
    void shouldReadProjectSubsetsWithRepeatedIds();
    void shouldReadTaskAttributesAndEmptyLabels();
    void shouldReadSkeletonNodesOutOfOrder();
    void shouldReadJobExport();
    void shouldRefuseVideoExportNamingWhatToExport();
    void shouldReadVideoExportAsFramesWhenAsked();
    void shouldReadEveryShapeKind();
    void shouldAcceptAnyDeclarationStyle_data();
    void shouldAcceptAnyDeclarationStyle();
    void shouldDecodeEntitiesCdataAndDeclaredEncodings_data();
    void shouldDecodeEntitiesCdataAndDeclaredEncodings();
    void shouldReadValuesThatCrossReadBlocks();
    void shouldSayWhenTheFileEndsEarly();
    void shouldDeriveLabelsWithoutMeta();
    void shouldReportEachProblemWithImageAndLine_data();
    void shouldReportEachProblemWithImageAndLine();
    void shouldKeepShortMaskPaddedAndDecodeIt();
    void shouldReportMalformedXmlWithLineAndColumn();
    void shouldRefuseDtdAndEntityExpansion();
    void shouldRefuseUndeclaredEntity();
    void shouldReportNamesThatLeaveTheFolder_data();
    void shouldReportNamesThatLeaveTheFolder();
    void shouldReadLargeStreamInBoundedMemory();
    void shouldWriteReportAsText();
    void shouldRoundTripRle();
};

void TestCvatReader::shouldReadEverySampleWithItsShapeCounts_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("images");
    QTest::addColumn<QList<int>>("counts"); // box, polygon, polyline, points, skeleton

    // Counts taken by hand from each annotations.xml (skeleton nodes are not points shapes).
    QTest::newRow("datumaro project") << "datumaro-export-project"
                                      << "project" << 6 << QList<int>{3, 3, 3, 3, 0};
    QTest::newRow("datumaro task") << "datumaro-export-task"
                                   << "task" << 2 << QList<int>{1, 1, 1, 1, 0};
    QTest::newRow("job boxes") << "maxkuklavod-job-boxes"
                               << "job" << 14 << QList<int>{24, 0, 0, 0, 0};
    QTest::newRow("dagshub skeleton") << "dagshub-project-skeleton"
                                      << "project" << 4 << QList<int>{4, 4, 0, 1, 1};
}

void TestCvatReader::shouldReadEverySampleWithItsShapeCounts()
{
    QFETCH(QString, folder);
    QFETCH(QString, scope);
    QFETCH(int, images);
    QFETCH(QList<int>, counts);

    const CvatDocument document = readSample(folder);

    QVERIFY2(document.complete, qPrintable(document.problems.toText()));
    QVERIFY2(!document.problems.hasErrors(), qPrintable(document.problems.toText()));
    QCOMPARE(document.info.scopeName(), scope);
    QCOMPARE(document.info.version, QStringLiteral("1.1"));
    QCOMPARE(document.images.size(), images);
    QCOMPARE(document.shapeCount(Kind::Box), counts.at(0));
    QCOMPARE(document.shapeCount(Kind::Polygon), counts.at(1));
    QCOMPARE(document.shapeCount(Kind::Polyline), counts.at(2));
    QCOMPARE(document.shapeCount(Kind::Points), counts.at(3));
    QCOMPARE(document.shapeCount(Kind::Skeleton), counts.at(4));
    for (const CvatImage &image : document.images) {
        QVERIFY(image.width > 0);
        QVERIFY(image.height > 0);
    }
}

void TestCvatReader::shouldReadProjectSubsetsWithRepeatedIds()
{
    const CvatDocument document = readSample(QStringLiteral("datumaro-export-project"));

    QCOMPARE(document.info.subsets,
             (QStringList{
                 QStringLiteral("Train"), QStringLiteral("Test"), QStringLiteral("Validation")}));
    QCOMPARE(document.info.tasks.size(), 3);
    QCOMPARE(document.info.tasks.at(0).subset, QStringLiteral("Test"));
    QCOMPARE(document.images.at(0).subset, QStringLiteral("Test"));
    QCOMPARE(document.images.at(2).subset, QStringLiteral("Train"));
    QCOMPARE(document.images.at(0).id, document.images.at(2).id);
    QCOMPARE(document.images.at(0).name, document.images.at(2).name);
    QCOMPARE(document.images.at(0).taskId, 39);
    QCOMPARE(document.problems.count(Problem::DuplicateImage), 0);
}

void TestCvatReader::shouldReadTaskAttributesAndEmptyLabels()
{
    const CvatDocument document = readSample(QStringLiteral("datumaro-export-task"));

    const CvatLabel *label1 = document.info.label(QStringLiteral("label1"));
    QVERIFY(label1);
    QCOMPARE(label1->attributes.size(), 4);
    QCOMPARE(label1->attributes.at(1).inputType, CvatAttributeSpec::InputType::Radio);
    QCOMPARE(label1->attributes.at(1).values,
             (QStringList{QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3")}));
    QCOMPARE(label1->attributes.at(2).defaultValue, QStringLiteral("0000"));

    const CvatShape &box = document.images.at(0).shapes.at(0);
    QCOMPARE(box.kind, Kind::Box);
    QCOMPARE(box.points, (QList<QPointF>{{0, 2}, {4, 4}}));
    QVERIFY(box.occluded);
    QCOMPARE(box.zOrder, 1);
    QCOMPARE(box.attribute(QStringLiteral("a3")), QStringLiteral("0003")); // stays text
    QCOMPARE(box.attribute(QStringLiteral("a1")), QStringLiteral("true"));
    // Two shapes carry label="": each is reported, the shapes are kept.
    QCOMPARE(document.problems.count(Problem::EmptyLabel), 2);
    QCOMPARE(document.problems.ofKind(Problem::EmptyLabel).first().line, 50);
    QCOMPARE(document.problems.count(Problem::AttributeValueNotInSpec), 0);
    QCOMPARE(document.problems.count(Problem::MissingVersion), 0);
}

void TestCvatReader::shouldReadSkeletonNodesOutOfOrder()
{
    const CvatDocument document = readSample(QStringLiteral("dagshub-project-skeleton"));

    const CvatLabel *yoda = document.info.label(QStringLiteral("Yoda"));
    QVERIFY(yoda);
    QCOMPARE(yoda->type, QStringLiteral("skeleton"));
    QCOMPARE(yoda->skeletonNodes.size(), 7);
    QCOMPARE(yoda->skeletonNodes.first(), QStringLiteral("1"));
    QVERIFY(yoda->skeletonEdges.isEmpty()); // this sample draws nodes only
    QVERIFY(document.info.label(QStringLiteral("3"), QStringLiteral("Yoda")));
    QVERIFY(!document.info.label(QStringLiteral("3"))); // sub-labels are scoped

    const CvatImage &last = document.images.last();
    QCOMPARE(last.shapes.size(), 1);
    const CvatShape &skeleton = last.shapes.first();
    QCOMPARE(skeleton.kind, Kind::Skeleton);
    QCOMPARE(skeleton.nodes.size(), 7);
    QCOMPARE(skeleton.nodes.first().label, QStringLiteral("4"));
    QCOMPARE(skeleton.nodes.first().point, QPointF(1249.72, 310.54));
    QCOMPARE(document.problems.count(Problem::SkeletonNodeUnknown), 0);
    QCOMPARE(document.problems.count(Problem::UndeclaredLabel), 0);
}

void TestCvatReader::shouldReadJobExport()
{
    const CvatDocument document = readSample(QStringLiteral("maxkuklavod-job-boxes"));

    QCOMPARE(document.info.scope, CvatExportInfo::Scope::Job);
    QCOMPARE(document.info.id, 1);
    QCOMPARE(document.info.labels.size(), 2);
    QCOMPARE(document.info.labels.at(0).color, QStringLiteral("#33ddff"));
    QCOMPARE(document.images.first().name, QStringLiteral("pexels-arina-krasnikova-7726103.jpg"));
    QCOMPARE(document.images.first().width, 2670);
    QCOMPARE(document.images.first().shapes.first().source, QStringLiteral("manual"));
}

void TestCvatReader::shouldRefuseVideoExportNamingWhatToExport()
{
    const CvatDocument document = readSample(QStringLiteral("video-datumaro-task-step"));

    QVERIFY(!document.complete);
    QCOMPARE(document.info.flavour, CvatExportInfo::Flavour::Video);
    QCOMPARE(document.problems.count(Problem::VideoExport), 1);
    const CvatProblem problem = document.problems.ofKind(Problem::VideoExport).first();
    QCOMPARE(problem.severity, CvatProblem::Severity::Error);
    QVERIFY(problem.message.contains(QLatin1String("CVAT for video 1.1")));
    QVERIFY(problem.message.contains(QLatin1String("CVAT for images 1.1")));
    // The header was read before the refusal: frame step and start are known.
    QCOMPARE(document.info.tasks.first().startFrame, 10);
    QCOMPARE(document.info.tasks.first().frameStep, 3);
}

void TestCvatReader::shouldReadVideoExportAsFramesWhenAsked()
{
    QFile file(EncordTest::sharedPath(
        QStringLiteral("samples/cvat/video-datumaro-task-step/annotations.xml")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    CvatReader reader(&file);
    reader.setVideoAsImages(true);
    QList<CvatImage> frames;

    while (std::optional<CvatImage> frame = reader.readNextImage())
        frames.append(*frame);

    QVERIFY2(reader.finished(), qPrintable(reader.problems().toText()));
    QCOMPARE(reader.info().flavour, CvatExportInfo::Flavour::Video);
    // start 10, stop 19, step 3: four frames named like CVAT's frame files.
    QCOMPARE(frames.size(), 4);
    QCOMPARE(frames.at(0).name, QStringLiteral("frame_000010"));
    QCOMPARE(frames.at(3).id, 19);
    QCOMPARE(frames.at(0).width, 25);
    QCOMPARE(frames.at(0).height, 20);
    // Shapes on frames where their track is not outside, with the track's label.
    QCOMPARE(frames.at(0).shapes.size(), 2);
    QCOMPARE(frames.at(0).shapes.at(0).kind, Kind::Box);
    QCOMPARE(frames.at(0).shapes.at(0).label, QStringLiteral("II"));
    QVERIFY(frames.at(0).shapes.at(0).occluded);
    QCOMPARE(frames.at(0).shapes.at(1).attribute(QStringLiteral("hgl")), QStringLiteral("hgkf"));
    QCOMPARE(frames.at(1).shapes.size(), 1);
    QCOMPARE(frames.at(1).shapes.first().kind, Kind::Polyline);
    QVERIFY(frames.at(2).shapes.isEmpty());
    QVERIFY(frames.at(3).shapes.isEmpty());
    QVERIFY(!reader.problems().hasErrors());
}

void TestCvatReader::shouldReadEveryShapeKind()
{
    const QByteArray xml = imagesExport(
        kLabelCar
            + "<label><name>sk</name><type>skeleton</type><svg>&lt;circle "
              "data-node-id=\"1\" data-label-name=\"a\"&gt;&lt;/circle&gt;&lt;circle "
              "data-node-id=\"2\" data-label-name=\"b\"&gt;&lt;/circle&gt;&lt;line "
              "data-node-from=\"2\" data-node-to=\"1\"&gt;&lt;/line&gt;</svg></label>"
              "<label><name>a</name><parent>sk</parent></label>"
              "<label><name>b</name><parent>sk</parent></label>",
        oneImage(
            "<box label=\"car\" source=\"auto\" occluded=\"0\" xtl=\"10\" ytl=\"5\" "
            "xbr=\"20\" ybr=\"15\" rotation=\"45.50\" z_order=\"-2\" group_id=\"7\">"
            "<attribute name=\"color\">blue</attribute>"
            "<attribute name=\"speed\">42</attribute></box>\n"
            "<polygon label=\"car\" points=\"1,1;9,1;9,9\"/>\n"
            "<polyline label=\"car\" points=\" 1 , 1 ; 5 , 5 \"/>\n"
            "<points label=\"car\" points=\"3,4\"/>\n"
            "<ellipse label=\"car\" cx=\"50\" cy=\"25\" rx=\"10\" ry=\"5\" rotation=\"10\"/>\n"
            "<cuboid label=\"car\" xtl1=\"1\" ytl1=\"2\" xbl1=\"1\" ybl1=\"10\" xtr1=\"8\" "
            "ytr1=\"2\" xbr1=\"8\" ybr1=\"10\" xtl2=\"3\" ytl2=\"1\" xbl2=\"3\" ybl2=\"9\" "
            "xtr2=\"10\" ytr2=\"1\" xbr2=\"10\" ybr2=\"9\"/>\n"
            "<mask label=\"car\" rle=\"1, 2, 3\" left=\"4\" top=\"5\" width=\"3\" "
            "height=\"2\"/>\n"
            "<skeleton label=\"sk\" z_order=\"3\"><points label=\"b\" outside=\"1\" "
            "points=\"5,5\"/><points label=\"a\" occluded=\"1\" points=\"6,7\"/></skeleton>\n"
            "<tag label=\"car\" group_id=\"7\"><attribute name=\"color\">red</attribute></tag>\n"));

    const CvatDocument document = CvatDocument::read(xml);

    QVERIFY2(document.complete, qPrintable(document.problems.toText()));
    QVERIFY2(document.problems.isEmpty(), qPrintable(document.problems.toText()));
    const QList<CvatShape> &shapes = document.images.first().shapes;
    QCOMPARE(shapes.size(), 9);
    QCOMPARE(shapes.at(0).rotation, 45.5);
    QCOMPARE(shapes.at(0).zOrder, -2);
    QCOMPARE(shapes.at(0).groupId, 7);
    QCOMPARE(shapes.at(0).source, QStringLiteral("auto"));
    QCOMPARE(shapes.at(2).points, (QList<QPointF>{{1, 1}, {5, 5}}));
    QCOMPARE(shapes.at(4).kind, Kind::Ellipse);
    QCOMPARE(shapes.at(4).radii, QPointF(10, 5));
    QCOMPARE(shapes.at(5).kind, Kind::Cuboid);
    QCOMPARE(shapes.at(5).points.size(), 8);
    QCOMPARE(shapes.at(5).points.at(7), QPointF(10, 9));
    QCOMPARE(shapes.at(6).kind, Kind::Mask);
    QCOMPARE(shapes.at(6).rle, (QList<quint32>{1, 2, 3}));
    QCOMPARE(CvatRle::decode(shapes.at(6).rle, 3, 2), QByteArray("\0\1\1\0\0\0", 6));
    QCOMPARE(shapes.at(7).kind, Kind::Skeleton);
    QVERIFY(shapes.at(7).nodes.at(0).outside);
    QVERIFY(shapes.at(7).nodes.at(1).occluded);
    QCOMPARE(shapes.at(8).kind, Kind::Tag);
    QCOMPARE(shapes.at(8).attribute(QStringLiteral("color")), QStringLiteral("red"));
    const CvatLabel *skeleton = document.info.label(QStringLiteral("sk"));
    QCOMPARE(skeleton->skeletonNodes, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(skeleton->skeletonEdges, (QList<QPair<int, int>>{{1, 0}}));
}

void TestCvatReader::shouldAcceptAnyDeclarationStyle_data()
{
    QTest::addColumn<QByteArray>("xml");
    const QByteArray body = "<annotations><version>1.1</version><meta><task><labels><label>"
                            "<name>x</name></label></labels></task></meta>"
                            "<image id='0' name='a.jpg' width='10' height='10'>"
                            "<box label='x' xtl='1' ytl='1' xbr='2' ybr='2'></box></image>"
                            "</annotations>";
    QTest::newRow("no declaration") << body;
    QTest::newRow("single quotes, no encoding") << "<?xml version='1.0'?>" + body;
    QTest::newRow("BOM") << "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + body;
    QTest::newRow("comment before root") << "<?xml version=\"1.0\"?>\n<!-- exported -->\n" + body;
    QTest::newRow("tabs and newlines") << QByteArray(body).replace("><", ">\n\t\t<");
}

void TestCvatReader::shouldAcceptAnyDeclarationStyle()
{
    QFETCH(QByteArray, xml);

    const CvatDocument document = CvatDocument::read(xml);

    QVERIFY2(document.complete, qPrintable(document.problems.toText()));
    QVERIFY2(document.problems.isEmpty(), qPrintable(document.problems.toText()));
    QCOMPARE(document.images.size(), 1);
    QCOMPARE(document.images.first().shapes.size(), 1);
}

void TestCvatReader::shouldDecodeEntitiesCdataAndDeclaredEncodings_data()
{
    QTest::addColumn<QByteArray>("xml");
    // Label "Café & co", image "é.jpg", attribute value "<b>", written in every way XML allows.
    const QString text = QStringLiteral(
        "<annotations><version>1.1</version><meta><task><labels><label><name>Caf&#233; &amp; "
        "co</name></label></labels></task></meta><image id='0' name='\u00e9.jpg' width='9' "
        "height='9'><tag label='Caf\u00e9 &amp; co'><attribute name='note'><![CDATA[<b>]]>"
        "</attribute></tag></image></annotations>");
    QTest::newRow("UTF-8") << ("<?xml version='1.0' encoding='UTF-8'?>" + text.toUtf8());
    QTest::newRow("ISO-8859-1") << ("<?xml version='1.0' encoding='ISO-8859-1'?>"
                                    + text.toLatin1());
    QByteArray utf16("\xFF\xFE", 2);
    const QString declared = QStringLiteral("<?xml version='1.0' encoding='UTF-16'?>") + text;
    utf16.append(reinterpret_cast<const char *>(declared.utf16()), declared.size() * 2);
    QTest::newRow("UTF-16LE with BOM") << utf16;
}

void TestCvatReader::shouldDecodeEntitiesCdataAndDeclaredEncodings()
{
    QFETCH(QByteArray, xml);

    const CvatDocument document = CvatDocument::read(xml);

    QVERIFY2(document.complete, qPrintable(document.problems.toText()));
    QCOMPARE(document.info.labels.size(), 1);
    QCOMPARE(document.info.labels.first().name, QStringLiteral("Caf\u00e9 & co"));
    QCOMPARE(document.images.size(), 1);
    QCOMPARE(document.images.first().name, QStringLiteral("\u00e9.jpg"));
    const CvatShape &tag = document.images.first().shapes.first();
    QCOMPARE(tag.label, QStringLiteral("Caf\u00e9 & co"));
    QCOMPARE(tag.attribute(QStringLiteral("note")), std::optional(QStringLiteral("<b>")));
}

void TestCvatReader::shouldReadValuesThatCrossReadBlocks()
{
    // The tokenizer is fed 64 KiB at a time; a polygon of 20,000 points (~240 KB) and an
    // attribute text of 100,000 characters with references all over cross several blocks.
    QByteArray points;
    for (int i = 0; i < 20'000; ++i)
        points += QByteArray::number(i % 97) + ".25," + QByteArray::number(i % 43) + ".5;";
    points.chop(1);
    const QByteArray longText = QByteArray("a&amp;b").repeated(20'000);
    const QByteArray xml = imagesExport("<label><name>area</name></label>",
                                        oneImage("<polygon label=\"area\" points=\"" + points
                                                 + "\">\n<attribute name=\"n\">" + longText
                                                 + "</attribute>\n</polygon>\n"));
    QBuffer device;
    device.setData(xml);
    device.open(QIODevice::ReadOnly);

    CvatReader reader(&device);
    const std::optional<CvatImage> image = reader.readNextImage();

    QVERIFY2(image, qPrintable(reader.problems().toText()));
    QCOMPARE(image->shapes.size(), 1);
    const CvatShape &polygon = image->shapes.first();
    QCOMPARE(polygon.points.size(), 20'000);
    QCOMPARE(polygon.points.at(19'999), QPointF(19'999 % 97 + 0.25, 19'999 % 43 + 0.5));
    QCOMPARE(polygon.attribute(QStringLiteral("n"))->size(), 3 * 20'000);
    QVERIFY(polygon.attribute(QStringLiteral("n"))->startsWith(QLatin1String("a&ba&b")));
    QVERIFY(!reader.readNextImage());
    QVERIFY(reader.finished());
}

void TestCvatReader::shouldSayWhenTheFileEndsEarly()
{
    QByteArray xml = imagesExport(kLabelCar,
                                  oneImage("<box label=\"car\" xtl=\"1\" ytl=\"1\" "
                                           "xbr=\"2\" ybr=\"2\"></box>\n")
                                      .repeated(3));
    xml.truncate(xml.lastIndexOf("<image"));

    CvatReader reader(xml);
    qint64 images = 0;
    while (reader.readNextImage())
        ++images;

    QCOMPARE(images, 2);
    QVERIFY(reader.failed());
    const QList<CvatProblem> malformed = reader.problems().ofKind(Problem::MalformedXml);
    QCOMPARE(malformed.size(), 1);
    QVERIFY2(malformed.first().message.contains(QLatin1String("ends before")),
             qPrintable(malformed.first().message));
}

void TestCvatReader::shouldDeriveLabelsWithoutMeta()
{
    const CvatDocument document = CvatDocument::read(QByteArray(
        "<annotations><image id=\"3\" name=\"a.png\" width=\"5\" height=\"5\">"
        "<points label=\"dot\" points=\"1,1\"/><tag label=\"sunny\"/></image></annotations>"));

    QVERIFY(document.complete);
    QCOMPARE(document.info.scope, CvatExportInfo::Scope::Unknown);
    QCOMPARE(document.problems.count(Problem::MissingVersion), 1);
    QCOMPARE(document.problems.count(Problem::MissingMeta), 1);
    QCOMPARE(document.problems.count(Problem::UndeclaredLabel), 0);
    QCOMPARE(document.info.labels.size(), 2);
    QCOMPARE(document.info.labels.at(0).name, QStringLiteral("dot"));
    QVERIFY(!document.info.labels.at(0).declared);
    QVERIFY(!document.problems.hasErrors());
}

void TestCvatReader::shouldReportEachProblemWithImageAndLine_data()
{
    QTest::addColumn<QByteArray>("shape");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("shapesKept");

    QTest::newRow("polygon with 2 points")
        << QByteArray("<polygon label=\"car\" points=\"1,1;2,2\"/>")
        << int(Problem::DegeneratePolygon) << 0;
    QTest::newRow("polyline with 1 point") << QByteArray("<polyline label=\"car\" points=\"1,1\"/>")
                                           << int(Problem::DegeneratePolyline) << 0;
    QTest::newRow("box outside the image")
        << QByteArray("<box label=\"car\" xtl=\"-5\" ytl=\"1\" xbr=\"20\" ybr=\"60\"/>")
        << int(Problem::OutsideImage) << 1;
    QTest::newRow("unknown shape")
        << QByteArray("<circle label=\"car\" r=\"3\"/>") << int(Problem::UnknownShape) << 0;
    QTest::newRow("RLE longer than its rectangle") << QByteArray(
        "<mask label=\"car\" rle=\"3, 5\" left=\"0\" top=\"0\" width=\"2\" height=\"2\"/>")
                                                   << int(Problem::BadRle) << 0;
    QTest::newRow("RLE not numbers") << QByteArray(
        "<mask label=\"car\" rle=\"1, x\" left=\"0\" top=\"0\" width=\"2\" height=\"2\"/>")
                                     << int(Problem::BadRle) << 0;
    QTest::newRow("huge mask rectangle")
        << QByteArray("<mask label=\"car\" rle=\"1\" left=\"0\" top=\"0\" width=\"100000\" "
                      "height=\"100000\"/>")
        << int(Problem::BadRle) << 0;
    QTest::newRow("undeclared label")
        << QByteArray("<box label=\"bus\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\"/>")
        << int(Problem::UndeclaredLabel) << 1;
    QTest::newRow("select value not in spec")
        << QByteArray("<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\">"
                      "<attribute name=\"color\">green</attribute></box>")
        << int(Problem::AttributeValueNotInSpec) << 1;
    QTest::newRow("number out of range")
        << QByteArray("<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\">"
                      "<attribute name=\"speed\">250</attribute></box>")
        << int(Problem::AttributeValueNotInSpec) << 1;
    QTest::newRow("undeclared attribute")
        << QByteArray("<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\">"
                      "<attribute name=\"make\">vw</attribute></box>")
        << int(Problem::UndeclaredAttribute) << 1;
    QTest::newRow("box without coordinates")
        << QByteArray("<box label=\"car\" xtl=\"1\" ytl=\"nan\" xbr=\"2\"/>")
        << int(Problem::InvalidGeometry) << 0;
}

void TestCvatReader::shouldReportEachProblemWithImageAndLine()
{
    QFETCH(QByteArray, shape);
    QFETCH(int, problem);
    QFETCH(int, shapesKept);

    // The shape sits on line 11: the label values span four lines, <image> is on line 10.
    const QByteArray xml = imagesExport(kLabelCar, oneImage(shape + "\n"));
    const CvatDocument document = CvatDocument::read(xml);

    QVERIFY2(document.complete, qPrintable(document.problems.toText()));
    const QList<CvatProblem> found = document.problems.ofKind(Problem(problem));
    QVERIFY2(found.size() == 1, qPrintable(document.problems.toText()));
    QCOMPARE(found.first().imageName, QStringLiteral("a.jpg"));
    QCOMPARE(found.first().line, 11);
    QVERIFY(found.first().severity != CvatProblem::Severity::Error);
    QCOMPARE(document.images.first().shapes.size(), shapesKept);
}

void TestCvatReader::shouldKeepShortMaskPaddedAndDecodeIt()
{
    const CvatDocument document = CvatDocument::read(imagesExport(
        kLabelCar,
        oneImage(
            "<mask label=\"car\" rle=\"0,2\" left=\"1\" top=\"1\" width=\"2\" height=\"2\"/>")));

    QCOMPARE(document.problems.count(Problem::BadRle), 1);
    const CvatShape &mask = document.images.first().shapes.first();
    QCOMPARE(CvatRle::fit(mask.rle, 2, 2), CvatRle::Fit::Short);
    QCOMPARE(CvatRle::decode(mask.rle, 2, 2), QByteArray("\1\1\0\0", 4));
}

void TestCvatReader::shouldReportMalformedXmlWithLineAndColumn()
{
    const QByteArray xml = "<annotations>\n<version>1.1</version>\n"
                           "<image id=\"0\" name=\"a.jpg\" width=\"4\" height=\"4\">\n"
                           "  <box label=\"x\" xtl=\"1\" <oops/>\n</image></annotations>";

    CvatReader reader(xml);
    while (reader.readNextImage()) {
    }

    QVERIFY(reader.failed());
    QVERIFY(!reader.finished());
    const QList<CvatProblem> malformed = reader.problems().ofKind(Problem::MalformedXml);
    QCOMPARE(malformed.size(), 1);
    QCOMPARE(malformed.first().severity, CvatProblem::Severity::Error);
    QCOMPARE(malformed.first().line, 4);
    QVERIFY(malformed.first().column > 0);
    QVERIFY(reader.problems().toText().contains(QLatin1String("line 4, column")));
}

void TestCvatReader::shouldRefuseDtdAndEntityExpansion()
{
    // A "billion laughs" document: refused before any entity is expanded.
    QByteArray xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE annotations [\n<!ENTITY a \"haha\">\n";
    for (int i = 1; i < 10; ++i) {
        const QByteArray previous = "&" + QByteArray(1, char('a' + i - 1)) + ";";
        xml += "<!ENTITY " + QByteArray(1, char('a' + i)) + " \"" + previous.repeated(10) + "\">\n";
    }
    xml += "]>\n<annotations><image id=\"0\" name=\"&j;\" width=\"1\" height=\"1\"/></annotations>";

    CvatReader reader(xml);
    QVERIFY(!reader.readNextImage());

    QVERIFY(reader.failed());
    QCOMPARE(reader.problems().count(Problem::ForbiddenDtd), 1);
    // The report points at the declaration's first line.
    QCOMPARE(reader.problems().ofKind(Problem::ForbiddenDtd).first().line, 2);
}

void TestCvatReader::shouldRefuseUndeclaredEntity()
{
    CvatReader reader(QByteArray("<annotations><image id=\"0\" name=\"a&xxe;.jpg\" width=\"1\" "
                                 "height=\"1\"/></annotations>"));
    while (reader.readNextImage()) {
    }

    QVERIFY(reader.failed());
    QCOMPARE(reader.problems().count(Problem::MalformedXml), 1);
}

void TestCvatReader::shouldReportNamesThatLeaveTheFolder_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("parent") << QStringLiteral("../../etc/passwd");
    QTest::newRow("inner parent") << QStringLiteral("a/../../b.jpg");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
    QTest::newRow("backslash parent") << QStringLiteral("..\\secret.jpg");
    QTest::newRow("drive") << QStringLiteral("C:/Windows/x.jpg");
}

void TestCvatReader::shouldReportNamesThatLeaveTheFolder()
{
    QFETCH(QString, name);

    const CvatDocument document = CvatDocument::read(
        "<annotations><version>1.1</version><meta><task/></meta><image id=\"0\" name=\""
        + name.toUtf8() + "\" width=\"1\" height=\"1\"/></annotations>");

    QCOMPARE(document.problems.count(Problem::UnsafeImageName), 1);
    QVERIFY(document.problems.hasErrors());
    QCOMPARE(document.problems.ofKind(Problem::UnsafeImageName).first().imageName, name);
}

void TestCvatReader::shouldReadLargeStreamInBoundedMemory()
{
    // About 20 MB of XML, generated as it is read: the reader must not keep it. Memory is
    // measured from the 10,000th image on, once start-up allocations have settled; what may
    // still grow is the duplicate-name index (one hash per image), far less than the text.
    constexpr qint64 kImages = 100'000;
    GeneratedExport device(kImages);
    CvatReader reader(&device);
    qint64 boxes = 0;
    qint64 rssAtMark = -1;
    qint64 bytesAtMark = 0;
    qint64 peak = 0;

    while (std::optional<CvatImage> image = reader.readNextImage()) {
        boxes += image->shapes.size();
        if (reader.imagesRead() == 10'000) {
            rssAtMark = residentKb();
            bytesAtMark = device.produced();
        }
        if (reader.imagesRead() % 10'000 == 0)
            peak = std::max(peak, residentKb());
    }

    QVERIFY2(reader.finished(), qPrintable(reader.problems().toText()));
    QCOMPARE(reader.imagesRead(), kImages);
    QCOMPARE(boxes, 2 * kImages);
    QVERIFY(rssAtMark > 0);
    const qint64 streamedKb = (device.produced() - bytesAtMark) / 1024;
    QVERIFY(streamedKb > 15 * 1024);
    QVERIFY2((peak - rssAtMark) * 2 < streamedKb,
             qPrintable(QStringLiteral("grew by %1 kB while reading %2 kB")
                            .arg(peak - rssAtMark)
                            .arg(streamedKb)));
}

void TestCvatReader::shouldWriteReportAsText()
{
    const CvatDocument document = CvatDocument::read(
        imagesExport(kLabelCar, oneImage("<polygon label=\"car\" points=\"1,1\"/>\n")));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);

    QVERIFY(document.problems.writeText(buffer));

    const QString text = QString::fromUtf8(buffer.data());
    QVERIFY2(text.contains(QLatin1String("warning: line 11: a.jpg: A polygon with 1 point(s)")),
             qPrintable(text));
}

void TestCvatReader::shouldRoundTripRle()
{
    const QByteArray pixels("\1\1\0\0\1\0\0\0\0\1\1\1", 12);
    const QList<quint32> runs = CvatRle::encode(pixels);

    QCOMPARE(runs, (QList<quint32>{0, 2, 2, 1, 4, 3}));
    QCOMPARE(CvatRle::decode(runs, 4, 3), pixels);
    QCOMPARE(CvatRle::parse("0, 2,2 ,1"), (QList<quint32>{0, 2, 2, 1}));
    QVERIFY(!CvatRle::parse("1,-2"));
}

QTEST_GUILESS_MAIN(TestCvatReader)
#include "tst_cvatreader.moc"
