// encord-cvat-bench: the CVAT import with a large export. Generates a "CVAT for images 1.1"
// task export of 2,000 small PNGs and 100,000 shapes of every kind (boxes, rotated boxes,
// polygons, polylines, points, ellipses, RLE masks, tags, skeletons, with attributes) into a
// temporary folder, then measures
//   * parse throughput of annotations.xml through CvatReader (MB/s);
//   * peak resident memory of that parse, in a child process of this same binary (VmHWM minus
//     VmRSS before the parse, against the file size);
//   * the end-to-end import into an in-process LocalServer: CvatExportFolder + CvatPreview (the
//     wizard's preview pass) and EncordClient::importCvat (uploads, dataset, import job).
// Baselines from the same run: reading the file's bytes (for the parse) and copying the same
// bytes, images and XML, into another folder (for the import). See bench/README.md.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "client/encordclient.h"
#include "cvat/cvatexportfolder.h"
#include "cvat/cvatpreview.h"
#include "cvat/cvatreader.h"
#include "localserver.h"
#include "userstore.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QXmlStreamReader>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <expat.h>

using namespace Encord;

namespace {

constexpr int kImageWidth = 160;
constexpr int kImageHeight = 120;

// One kilobyte figure from a /proc/self/status line such as "VmHWM:   1234 kB".
qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray labelsXml()
{
    return R"(<labels>
<label><name>car</name><color>#ff0000</color><type>any</type><attributes>
<attribute><name>colour</name><mutable>False</mutable><input_type>select</input_type><default_value>red</default_value><values>red
green
blue</values></attribute>
<attribute><name>parked</name><mutable>False</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false</values></attribute>
</attributes></label>
<label><name>lane</name><color>#00ff00</color><type>polyline</type><attributes></attributes></label>
<label><name>area</name><color>#0000ff</color><type>polygon</type><attributes>
<attribute><name>note</name><mutable>False</mutable><input_type>text</input_type><default_value></default_value><values></values></attribute>
</attributes></label>
<label><name>landmark</name><color>#ffff00</color><type>points</type><attributes></attributes></label>
<label><name>wheel</name><color>#ff00ff</color><type>ellipse</type><attributes>
<attribute><name>size</name><mutable>False</mutable><input_type>number</input_type><default_value>1</default_value><values>0
10
1</values></attribute>
</attributes></label>
<label><name>sky</name><color>#00ffff</color><type>mask</type><attributes></attributes></label>
<label><name>weather</name><color>#808080</color><type>tag</type><attributes>
<attribute><name>time</name><mutable>False</mutable><input_type>radio</input_type><default_value>day</default_value><values>day
night</values></attribute>
</attributes></label>
<label><name>person</name><color>#804000</color><type>skeleton</type><attributes></attributes><svg>&lt;line data-type="edge" data-node-from="1" data-node-to="2"&gt;&lt;/line&gt;&lt;line data-type="edge" data-node-from="2" data-node-to="3"&gt;&lt;/line&gt;&lt;circle r="0.75" cx="10" cy="10" data-type="element node" data-element-id="1" data-node-id="1" data-label-name="head"&gt;&lt;/circle&gt;&lt;circle r="0.75" cx="10" cy="20" data-type="element node" data-element-id="2" data-node-id="2" data-label-name="hip"&gt;&lt;/circle&gt;&lt;circle r="0.75" cx="10" cy="30" data-type="element node" data-element-id="3" data-node-id="3" data-label-name="foot"&gt;&lt;/circle&gt;</svg></label>
<label><name>head</name><color>#a0a0a0</color><type>points</type><attributes></attributes><parent>person</parent></label>
<label><name>hip</name><color>#a0a0a0</color><type>points</type><attributes></attributes><parent>person</parent></label>
<label><name>foot</name><color>#a0a0a0</color><type>points</type><attributes></attributes><parent>person</parent></label>
</labels>
)";
}

// The shape number @p n of an image (the kinds cycle, so every image holds each of them).
QByteArray shapeXml(int n, int image)
{
    const int x = 5 + (n * 7 + image) % 100;
    const int y = 5 + (n * 3 + image) % 70;
    const auto num = [](double v) {
        return QByteArray::number(v, 'f', 2);
    };
    const QByteArray common = "source=\"manual\" occluded=\"" + QByteArray::number(n % 2)
                              + "\" z_order=\"" + QByteArray::number(n % 3) + "\"";
    switch (n % 10) {
    case 0:
    case 1: {
        QByteArray rotation;
        if (n % 10 == 1)
            rotation = " rotation=\"" + num(n % 90 + 0.5) + "\"";
        return "<box label=\"car\" " + common + " xtl=\"" + num(x) + "\" ytl=\"" + num(y)
               + "\" xbr=\"" + num(x + 30) + "\" ybr=\"" + num(y + 20) + "\"" + rotation
               + ">\n<attribute name=\"colour\">" + (n % 3 == 0 ? "blue" : "red")
               + "</attribute>\n<attribute name=\"parked\">true</attribute>\n</box>\n";
    }
    case 2:
        return "<polygon label=\"area\" " + common + " points=\"" + num(x) + "," + num(y) + ";"
               + num(x + 20) + "," + num(y) + ";" + num(x + 25) + "," + num(y + 30) + ";" + num(x)
               + "," + num(y + 25) + "\">\n<attribute name=\"note\">n" + QByteArray::number(n)
               + "</attribute>\n</polygon>\n";
    case 3:
        return "<polyline label=\"lane\" " + common + " points=\"" + num(x) + "," + num(y) + ";"
               + num(x + 10) + "," + num(y + 10) + ";" + num(x + 30) + "," + num(y + 12)
               + "\">\n</polyline>\n";
    case 4:
        return "<points label=\"landmark\" " + common + " points=\"" + num(x) + "," + num(y) + ";"
               + num(x + 4) + "," + num(y + 4) + "\">\n</points>\n";
    case 5:
        return "<ellipse label=\"wheel\" " + common + " cx=\"" + num(x + 10) + "\" cy=\""
               + num(y + 10) + "\" rx=\"" + num(8) + "\" ry=\"" + num(5)
               + "\">\n<attribute name=\"size\">3</attribute>\n</ellipse>\n";
    case 6:
        // 20 × 10 rectangle: runs 0/1 alternating, summing to exactly 200 pixels.
        return "<mask label=\"sky\" " + common + " rle=\"5, 15, 10, 30, 40, 20, 30, 50\" left=\""
               + QByteArray::number(x) + "\" top=\"" + QByteArray::number(y)
               + "\" width=\"20\" height=\"10\">\n</mask>\n";
    case 7:
        return "<skeleton label=\"person\" source=\"manual\" z_order=\"0\">\n"
               "<points label=\"head\" source=\"manual\" outside=\"0\" occluded=\"0\" points=\""
               + num(x) + "," + num(y)
               + "\">\n</points>\n<points label=\"hip\" source=\"manual\" outside=\"0\" "
                 "occluded=\"1\" points=\""
               + num(x) + "," + num(y + 10)
               + "\">\n</points>\n<points label=\"foot\" source=\"manual\" outside=\""
               + QByteArray::number(n % 2) + "\" occluded=\"0\" points=\"" + num(x) + ","
               + num(y + 20) + "\">\n</points>\n</skeleton>\n";
    case 8:
        return "<box label=\"car\" " + common + " xtl=\"" + num(x) + "\" ytl=\"" + num(y)
               + "\" xbr=\"" + num(x + 10) + "\" ybr=\"" + num(y + 10) + "\" group_id=\""
               + QByteArray::number(n) + "\">\n</box>\n";
    default:
        return "<polygon label=\"area\" " + common + " points=\"" + num(x) + "," + num(y) + ";"
               + num(x + 5) + "," + num(y + 15) + ";" + num(x + 15) + "," + num(y + 5)
               + "\">\n</polygon>\n";
    }
}

// The XML before the first <image>, for @p images images.
QByteArray headerXml(int images)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n<version>1.1</version>\n"
           "<meta>\n<task>\n<id>1</id>\n<name>bench</name>\n<size>"
           + QByteArray::number(images)
           + "</size>\n<mode>annotation</mode>\n<overlap>0</overlap>\n<start_frame>0"
             "</start_frame>\n<stop_frame>"
           + QByteArray::number(images - 1) + "</stop_frame>\n" + labelsXml()
           + "</task>\n<dumped>2026-12-03 20:00:00.000000+00:00</dumped>\n</meta>\n";
}

// One <image> of @p shapesPerImage shapes (the last a tag), as generate() writes it.
QByteArray imageXml(int image, int shapesPerImage)
{
    const QString name = QStringLiteral("img_%1.png").arg(image, 5, 10, QLatin1Char('0'));
    QByteArray xml = "<image id=\"" + QByteArray::number(image) + "\" name=\"" + name.toUtf8()
                     + "\" width=\"" + QByteArray::number(kImageWidth) + "\" height=\""
                     + QByteArray::number(kImageHeight) + "\">\n";
    for (int n = 0; n < shapesPerImage - 1; ++n)
        xml += shapeXml(n, image);
    xml += "<tag label=\"weather\" source=\"manual\">\n<attribute name=\"time\">"
           + QByteArray(image % 2 ? "day" : "night") + "</attribute>\n</tag>\n</image>\n";
    return xml;
}

// annotations.xml of at least @p bytes, made up as it is read (images of generate()'s kind,
// repeated): how a file far larger than memory goes through the reader. Sequential.
class GeneratedXml final : public QIODevice
{
public:
    GeneratedXml(qint64 bytes, int shapesPerImage)
        : m_limit(bytes)
        , m_shapesPerImage(shapesPerImage)
    {
        m_pending = headerXml(1);
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 produced() const { return m_produced; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        while (m_pending.size() - m_offset < maxSize && !m_closed) {
            m_pending.remove(0, m_offset);
            m_offset = 0;
            if (m_produced + m_pending.size() >= m_limit) {
                m_pending += "</annotations>\n";
                m_closed = true;
            } else {
                m_pending += imageXml(m_images++, m_shapesPerImage);
            }
        }
        const qint64 size = std::min<qint64>(maxSize, m_pending.size() - m_offset);
        std::memcpy(data, m_pending.constData() + m_offset, size_t(size));
        m_offset += size;
        m_produced += size;
        return size;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_limit = 0;
    int m_shapesPerImage = 0;
    QByteArray m_pending;
    qsizetype m_offset = 0;
    qint64 m_produced = 0;
    int m_images = 0;
    bool m_closed = false;
};

// The export into @p dir: annotations.xml and images/img_NNNNN.png, @p shapesPerImage shapes
// per image (tags count as shapes; one per image, the last). Every PNG differs (the server
// stores blobs by content, so identical files would be stored once).
bool generate(const QString &dir, int images, int shapesPerImage)
{
    QDir().mkpath(dir + QStringLiteral("/images"));
    QFile xml(dir + QStringLiteral("/annotations.xml"));
    if (!xml.open(QIODevice::WriteOnly))
        return false;
    xml.write(headerXml(images));
    QImage pixels(kImageWidth, kImageHeight, QImage::Format_RGB888);
    for (int i = 0; i < images; ++i) {
        pixels.fill(QColor::fromHsv(i % 360, 128 + i % 100, 200));
        for (int k = 0; k < 64; ++k)
            pixels.setPixelColor((i * 31 + k * 17) % kImageWidth,
                                 (i * 7 + k * 13) % kImageHeight,
                                 QColor(k * 4, i % 256, (i / 256) % 256));
        const QString name = QStringLiteral("img_%1.png").arg(i, 5, 10, QLatin1Char('0'));
        if (!pixels.save(dir + QStringLiteral("/images/") + name, "PNG"))
            return false;
        const QByteArray image = imageXml(i, shapesPerImage);
        if (xml.write(image) != image.size())
            return false;
    }
    xml.write("</annotations>\n");
    return xml.flush();
}

struct ParseOutcome
{
    qint64 images = 0;
    qint64 shapes = 0;
    bool ok = false;
};

ParseOutcome parse(QIODevice *device)
{
    ParseOutcome outcome;
    Cvat::CvatReader reader(device);
    if (!reader.readHeader())
        return outcome;
    while (const std::optional<Cvat::CvatImage> image = reader.readNextImage()) {
        ++outcome.images;
        outcome.shapes += image->shapes.size();
    }
    outcome.ok = reader.finished();
    return outcome;
}

ParseOutcome parse(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(&file);
}

// What QXmlStreamReader alone costs: every token read, attributes looked at, nothing kept.
qint64 tokensOnly(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    QXmlStreamReader xml(&file);
    qint64 attributes = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            attributes += xml.attributes().size();
    }
    return xml.hasError() ? 0 : attributes;
}

// Child mode: parses once and prints "<rss before KiB> <hwm after KiB> <images> <shapes>";
// the file at @p path, or a generated stream of @p streamBytes when that is positive.
int parseChild(const QString &path, qint64 streamBytes, int shapesPerImage)
{
    GeneratedXml stream(streamBytes, shapesPerImage);
    const qint64 before = statusKiB("VmRSS");
    const ParseOutcome outcome = streamBytes > 0 ? parse(&stream) : parse(path);
    const qint64 peak = statusKiB("VmHWM");
    std::printf("%lld %lld %lld %lld\n",
                static_cast<long long>(before),
                static_cast<long long>(peak),
                static_cast<long long>(outcome.images),
                static_cast<long long>(outcome.shapes));
    return outcome.ok ? 0 : 1;
}

double threadCpuSeconds();

// What Expat alone costs, the tokenizer CvatReader stands on: every token read, handlers that
// do nothing, the bytes fed in the same 64 KiB blocks. The reader cannot be faster than this.
double expatOnlyCpuSeconds(const QByteArray &bytes)
{
    const double before = threadCpuSeconds();
    XML_Parser parser = XML_ParserCreate(nullptr);
    XML_SetElementHandler(
        parser, [](void *, const char *, const char **) {}, [](void *, const char *) {});
    XML_SetCharacterDataHandler(parser, [](void *, const char *, int) {});
    constexpr qsizetype kBlock = 64 * 1024;
    bool ok = true;
    for (qsizetype offset = 0; ok && offset < bytes.size(); offset += kBlock) {
        const qsizetype length = std::min(kBlock, bytes.size() - offset);
        ok = XML_Parse(
                 parser, bytes.constData() + offset, int(length), offset + length == bytes.size())
             == XML_STATUS_OK;
    }
    XML_ParserFree(parser);
    return ok ? threadCpuSeconds() - before : -1;
}

bool copyTree(const QString &from, const QString &to, qint64 *bytes)
{
    QDir().mkpath(to + QStringLiteral("/images"));
    const QStringList images = QDir(from + QStringLiteral("/images")).entryList(QDir::Files);
    QStringList files{QStringLiteral("annotations.xml")};
    for (const QString &image : images)
        files.append(QStringLiteral("images/") + image);
    // What cp does: read each file and write it out (QFile::copy adds a temporary file and a
    // rename, which would make the baseline slower than a plain copy).
    for (const QString &file : files) {
        QFile source(from + QLatin1Char('/') + file);
        QFile target(to + QLatin1Char('/') + file);
        if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly))
            return false;
        while (!source.atEnd()) {
            const QByteArray chunk = source.read(1 << 20);
            if (chunk.isEmpty() || target.write(chunk) != chunk.size())
                return false;
            *bytes += chunk.size();
        }
    }
    return true;
}

// CPU time of the calling thread: on a loaded machine wall time also counts the waiting.
double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

void row(const char *what, double value, const char *unit, double ratio, const char *base)
{
    std::printf("%-52s %10.2f %-5s %8.2f x %s\n", what, value, unit, ratio, base);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The server logs every request at info level: thousands of lines that would also cost time.
    // BENCH_LOG_RULES replaces that, e.g. "encord.server.http.info=true" to see request times.
    QLoggingCategory::setFilterRules(qEnvironmentVariable(
        "BENCH_LOG_RULES", QStringLiteral("encord.*.info=false\nencord.*.debug=false")));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CVAT import benchmark (bench/README.md)"));
    parser.addHelpOption();
    const QCommandLineOption imagesOption(QStringLiteral("images"),
                                          QStringLiteral("Images in the export."),
                                          QStringLiteral("n"),
                                          QStringLiteral("2000"));
    const QCommandLineOption shapesOption(QStringLiteral("shapes"),
                                          QStringLiteral("Shapes in the export (tags included)."),
                                          QStringLiteral("n"),
                                          QStringLiteral("100000"));
    const QCommandLineOption parallelOption(QStringLiteral("parallel"),
                                            QStringLiteral("Uploads at once (importCvat)."),
                                            QStringLiteral("n"),
                                            QStringLiteral("4"));
    const QCommandLineOption childOption(QStringLiteral("parse-child"),
                                         QStringLiteral("Internal: parse FILE and print memory."),
                                         QStringLiteral("file"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"),
        QStringLiteral("Generate the export into DIR and keep it there (e.g. to profile)."),
        QStringLiteral("dir"));
    const QCommandLineOption streamOption(
        QStringLiteral("stream-gb"),
        QStringLiteral("Also parse a generated annotations.xml of this many GB, made up as it is "
                       "read, and report its peak memory (0: not)."),
        QStringLiteral("gb"),
        QStringLiteral("0"));
    parser.addOptions(
        {imagesOption, shapesOption, parallelOption, childOption, keepOption, streamOption});
    parser.process(app);
    const int images = std::max(1, parser.value(imagesOption).toInt());
    const int shapesPerImage = std::max(1, parser.value(shapesOption).toInt() / images);
    const qint64 streamBytes = qint64(parser.value(streamOption).toDouble() * 1e9);
    if (parser.isSet(childOption))
        return parseChild(parser.value(childOption), streamBytes, shapesPerImage);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString exportDir = parser.isSet(keepOption) ? parser.value(keepOption)
                                                       : dir.filePath(QStringLiteral("export"));
    const QString xmlPath = exportDir + QStringLiteral("/annotations.xml");
    QElapsedTimer timer;
    timer.start();
    if (!generate(exportDir, images, shapesPerImage)) {
        std::fprintf(stderr, "cannot write the export\n");
        return 1;
    }
    const qint64 xmlBytes = QFileInfo(xmlPath).size();
    const double xmlMB = double(xmlBytes) / 1e6;
    std::printf("export: %d images, %d shapes (%d per image), annotations.xml %.1f MB; "
                "generated in %.1f s\n",
                images,
                images * shapesPerImage,
                shapesPerImage,
                xmlMB,
                seconds(timer));

    // Parse throughput: best of three, after one warm-up that also brings the file into the
    // page cache. Baseline: reading the same bytes in 1 MiB blocks.
    double bestRead = 1e9;
    double bestParse = 1e9;
    double bestTokens = 1e9;
    double bestParseCpu = 1e9;
    double bestExpatCpu = 1e9;
    ParseOutcome outcome = parse(xmlPath);
    QByteArray xmlText;
    {
        QFile file(xmlPath);
        if (file.open(QIODevice::ReadOnly))
            xmlText = file.readAll();
    }
    for (int run = 0; run < 3; ++run) {
        bestExpatCpu = std::min(bestExpatCpu, expatOnlyCpuSeconds(xmlText));
        QFile file(xmlPath);
        file.open(QIODevice::ReadOnly);
        timer.restart();
        while (!file.read(1 << 20).isEmpty()) {
        }
        bestRead = std::min(bestRead, seconds(timer));
        timer.restart();
        tokensOnly(xmlPath);
        bestTokens = std::min(bestTokens, seconds(timer));
        timer.restart();
        const double cpuBefore = threadCpuSeconds();
        outcome = parse(xmlPath);
        bestParse = std::min(bestParse, seconds(timer));
        bestParseCpu = std::min(bestParseCpu, threadCpuSeconds() - cpuBefore);
    }
    if (!outcome.ok || outcome.shapes != qint64(images) * shapesPerImage) {
        std::fprintf(stderr,
                     "parse failed or lost shapes: %lld of %lld\n",
                     static_cast<long long>(outcome.shapes),
                     static_cast<long long>(qint64(images) * shapesPerImage));
        return 1;
    }

    // Peak memory of the parse, alone in a fresh process.
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--parse-child"), xmlPath});
    child.waitForFinished(-1);
    const QList<QByteArray> figures = child.readAllStandardOutput().trimmed().split(' ');
    if (child.exitCode() != 0 || figures.size() != 4) {
        std::fprintf(stderr, "the parse child failed\n");
        return 1;
    }
    const double rssBeforeMB = double(figures.at(0).toLongLong()) * 1024 / 1e6;
    const double hwmMB = double(figures.at(1).toLongLong()) * 1024 / 1e6;
    const double parsePeakMB = hwmMB - rssBeforeMB;
    // The same in bounded memory for a stream far larger than the file (issue 6: 1 GB).
    double streamPeakMB = -1;
    double streamSeconds = 0;
    if (streamBytes > 0) {
        QProcess streamChild;
        timer.restart();
        streamChild.start(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("--parse-child"),
                           QStringLiteral("-"),
                           QStringLiteral("--stream-gb"),
                           parser.value(streamOption),
                           QStringLiteral("--images"),
                           QString::number(images),
                           QStringLiteral("--shapes"),
                           parser.value(shapesOption)});
        streamChild.waitForFinished(-1);
        streamSeconds = seconds(timer);
        const QList<QByteArray> streamFigures =
            streamChild.readAllStandardOutput().trimmed().split(' ');
        if (streamChild.exitCode() != 0 || streamFigures.size() != 4) {
            std::fprintf(stderr, "the stream parse child failed\n");
            return 1;
        }
        streamPeakMB = double(streamFigures.at(1).toLongLong() - streamFigures.at(0).toLongLong())
                       * 1024 / 1e6;
    }

    // Baseline for the import: copying the same bytes (images and XML) into another folder,
    // once before the import and once after it. On a shared machine creating 2,000 files is
    // what moves most from one minute to the next (on ext4 after mass deletes, allocating
    // inodes dominates); the ratios are taken against the mean of the two.
    qint64 copiedBytes = 0;
    timer.restart();
    if (!copyTree(exportDir, dir.filePath(QStringLiteral("copy")), &copiedBytes)) {
        std::fprintf(stderr, "copy failed\n");
        return 1;
    }
    const double copyBeforeSeconds = seconds(timer);

    // End to end into the local server, as the wizard does it: open the folder, preview pass,
    // read the XML, then importCvat (uploads, dataset, server-side import job, long-poll).
    Server::LocalServer server(dir.filePath(QStringLiteral("workspace")));
    if (!server.start()) {
        std::fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const PrivateKey key = PrivateKey::generate();
    Server::UserStore(server.workspace()->database())
        .add(QStringLiteral("bench@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), true);
    const EncordClient client(key, QUrl(server.baseUrl()));

    timer.restart();
    QString error;
    const std::unique_ptr<Cvat::CvatExportFolder> folder =
        Cvat::CvatExportFolder::open(exportDir, &error);
    if (!folder) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    const Cvat::CvatPreview preview = Cvat::CvatPreview::build(*folder);
    if (!preview.canImport()) {
        std::fprintf(stderr, "the preview refuses the export\n");
        return 1;
    }
    const double previewSeconds = seconds(timer);
    CvatImportInput input;
    input.annotationsXml = folder->openAnnotations()->readAll();
    for (const Cvat::CvatPreview::File &file : preview.files)
        input.images.append({file.file, folder->localImagePath(file.file)});
    input.datasetName = QStringLiteral("bench");
    input.parallelUploads = parser.value(parallelOption).toInt();
    std::array<double, 3> phaseStart{-1, -1, -1};
    const std::function<void(const CvatImportProgress &)> progress =
        [&](const CvatImportProgress &p) {
            double &start = phaseStart.at(size_t(p.phase));
            if (start < 0)
                start = seconds(timer);
        };
    auto task = client.importCvat(input, progress, std::chrono::hours(1));
    const auto result = QCoro::waitFor(std::move(task));
    const double importSeconds = seconds(timer);
    if (!result.ok() || !result.value().success) {
        std::fprintf(stderr,
                     "import failed: %s\n",
                     result.ok() ? "server reported failure"
                                 : qPrintable(result.error().message()));
        return 1;
    }
    server.stop();
    qint64 copiedAgain = 0;
    timer.restart();
    if (!copyTree(exportDir, dir.filePath(QStringLiteral("copy-after")), &copiedAgain)) {
        std::fprintf(stderr, "copy failed\n");
        return 1;
    }
    const double copyAfterSeconds = seconds(timer);
    const double copySeconds = (copyBeforeSeconds + copyAfterSeconds) / 2;

    std::printf("load average at the end: ");
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("%s", loadavg.readAll().constData());
    std::printf("\n%-52s %10s %-5s %8s\n", "measurement", "figure", "", "ratio");
    row("baseline: read annotations.xml (page cache)", xmlMB / bestRead, "MB/s", 1, "read");
    row("baseline: QXmlStreamReader tokens only",
        xmlMB / bestTokens,
        "MB/s",
        bestRead / bestTokens,
        "read");
    row("baseline: Expat tokens only, per CPU second",
        xmlMB / bestExpatCpu,
        "MB/s",
        bestRead / bestExpatCpu,
        "read");
    row("parse annotations.xml (CvatReader)",
        xmlMB / bestParse,
        "MB/s",
        bestRead / bestParse,
        "read");
    row("parse annotations.xml, per CPU second",
        xmlMB / bestParseCpu,
        "MB/s",
        bestRead / bestParseCpu,
        "read");
    row("parse per CPU second, against Expat alone",
        xmlMB / bestParseCpu,
        "MB/s",
        bestExpatCpu / bestParseCpu,
        "Expat");
    row("parse: peak resident memory over before",
        parsePeakMB,
        "MB",
        parsePeakMB / xmlMB,
        "file size");
    row("parse: whole child process peak (VmHWM)", hwmMB, "MB", hwmMB / xmlMB, "file size");
    if (streamPeakMB >= 0) {
        const double streamMB = double(streamBytes) / 1e6;
        std::printf("%-52s %10.1f MB, parsed in %.1f s\n",
                    "parse: generated stream (--stream-gb)",
                    streamMB,
                    streamSeconds);
        row("parse of the stream: peak over before",
            streamPeakMB,
            "MB",
            streamPeakMB / streamMB,
            "stream");
    }
    std::printf(
        "%-52s %10.1f MB\n", "import: bytes (images + annotations.xml)", double(copiedBytes) / 1e6);
    row("baseline: copy images + annotations.xml, before",
        copyBeforeSeconds,
        "s",
        copyBeforeSeconds / copySeconds,
        "copy");
    row("baseline: the same copy again, after the import",
        copyAfterSeconds,
        "s",
        copyAfterSeconds / copySeconds,
        "copy");
    row("baseline: copy, mean of the two", copySeconds, "s", 1, "copy");
    row("import: open folder + preview pass",
        previewSeconds,
        "s",
        previewSeconds / copySeconds,
        "copy");
    const double uploadEnd = phaseStart[1] > 0 ? phaseStart[1] : importSeconds;
    row("import: uploads (from preview end)",
        uploadEnd - previewSeconds,
        "s",
        (uploadEnd - previewSeconds) / copySeconds,
        "copy");
    if (phaseStart[1] > 0)
        row("import: after the uploads (dataset, import job)",
            importSeconds - phaseStart[1],
            "s",
            (importSeconds - phaseStart[1]) / copySeconds,
            "copy");
    row("import: end to end", importSeconds, "s", importSeconds / copySeconds, "copy");
    return 0;
}
