// Export folders and .zip exports: the spec's image lookup order on every shared sample (with
// placeholder files made from images.tsv where the sample ships no pixels), missing and extra
// images, names that try to leave the folder, symbolic links, and zip-slip entries.

#include "cvat/cvatdocument.h"
#include "cvat/cvatexportfolder.h"
#include "cvat/cvatfoldercheck.h"
#include "cvat/cvatpreview.h"
#include "cvat/cvatreader.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace Encord::Cvat;
using Problem = CvatProblem::Kind;

namespace {

QString samplePath(const QString &folder)
{
    return EncordTest::sharedPath(QStringLiteral("samples/cvat/") + folder);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A copy of a sample's annotations.xml with a small placeholder file for each row of its
// images.tsv, at the path the last column gives.
QString placeholderExport(const QString &sample, const QString &into)
{
    QFile tsv(samplePath(sample) + QStringLiteral("/images.tsv"));
    if (!tsv.open(QIODevice::ReadOnly))
        return {};
    QFile::copy(samplePath(sample) + QStringLiteral("/annotations.xml"),
                into + QStringLiteral("/annotations.xml"));
    for (const QByteArray &line : tsv.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString relative = QString::fromUtf8(line.split('\t').last());
        writeFile(into + QStringLiteral("/images/") + relative, "placeholder");
    }
    return into;
}

struct CheckResult
{
    int found = 0;
    int missing = 0;
    QStringList extra;
    CvatProblemReport problems;
    QList<CvatFolderCheck::Resolution> resolutions;
};

CheckResult check(const CvatExportFolder &folder)
{
    CheckResult result;
    auto device = folder.openAnnotations();
    if (!device)
        return result;
    CvatReader reader(device.get());
    if (!reader.readHeader())
        return result;
    CvatFolderCheck check(folder.imageFiles(), reader.info());
    while (std::optional<CvatImage> image = reader.readNextImage())
        result.resolutions.append(check.resolve(*image, result.problems));
    check.finish(result.problems);
    result.problems.append(reader.problems());
    result.found = check.foundCount();
    result.missing = check.missingCount();
    result.extra = check.extraFiles();
    return result;
}

// Writes a zip at @p path holding @p entries (name → content), names taken verbatim.
bool writeZip(const QString &path, const QList<QPair<QByteArray, QByteArray>> &entries)
{
    int error = 0;
    zip_t *archive =
        zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        return false;
    for (const auto &[name, content] : entries) {
        zip_source_t *source =
            zip_source_buffer(archive, content.constData(), zip_uint64_t(content.size()), 0);
        if (zip_file_add(archive, name.constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(archive);
            return false;
        }
    }
    return zip_close(archive) == 0;
}

QByteArray readAll(QIODevice *device)
{
    return device ? device->readAll() : QByteArray();
}

} // namespace

class TestCvatFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindEveryImageOfEverySample_data();
    void shouldFindEveryImageOfEverySample();
    void shouldFindSubsetFoldersOfProjectExport();
    void shouldFindVideoFramesWithoutExtension();
    void shouldReportMissingAndExtraImages();
    void shouldFallBackToUniqueBasenameWithWarning();
    void shouldNeverResolveNamesOutsideTheFolder();
    void shouldNotFollowSymlinksOutOfTheFolder();
    void shouldReadZipExportInPlace();
    void shouldRefuseZipSlipEntries();
    void shouldAcceptExportInsideOneTopLevelFolder();
    void shouldExplainWhatIsMissing();
    void shouldPreviewProjectExport();
    void shouldPreviewZipAndCopyImagesOut();
};

void TestCvatFolder::shouldFindEveryImageOfEverySample_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("images");
    QTest::newRow("datumaro project") << "datumaro-export-project" << 6;
    QTest::newRow("datumaro task") << "datumaro-export-task" << 2;
    QTest::newRow("job boxes") << "maxkuklavod-job-boxes" << 14;
    QTest::newRow("dagshub skeleton") << "dagshub-project-skeleton" << 4;
}

void TestCvatFolder::shouldFindEveryImageOfEverySample()
{
    QFETCH(QString, sample);
    QFETCH(int, images);
    QTemporaryDir dir;
    QVERIFY(!placeholderExport(sample, dir.path()).isEmpty());
    QString error;

    const auto folder = CvatExportFolder::open(dir.path(), &error);

    QVERIFY2(folder, qPrintable(error));
    QCOMPARE(folder->kind(), CvatExportFolder::Kind::Directory);
    const CheckResult result = check(*folder);
    QCOMPARE(result.found, images);
    QCOMPARE(result.missing, 0);
    QCOMPARE(result.extra, QStringList());
    QCOMPARE(result.problems.count(Problem::MissingImage), 0);
}

void TestCvatFolder::shouldFindSubsetFoldersOfProjectExport()
{
    // The real sample: Test/, Train/ and Validation/ each hold img0.jpg and img1.jpg.
    QString error;
    const auto folder =
        CvatExportFolder::open(samplePath(QStringLiteral("datumaro-export-project")), &error);
    QVERIFY2(folder, qPrintable(error));

    const CheckResult result = check(*folder);

    QCOMPARE(result.found, 6);
    QCOMPARE(result.resolutions.at(0).file, QStringLiteral("Test/img0.jpg"));
    QCOMPARE(result.resolutions.at(0).match, CvatFolderCheck::Match::Exact);
    QCOMPARE(result.resolutions.at(2).file, QStringLiteral("Train/img0.jpg"));
    QCOMPARE(result.resolutions.at(5).file, QStringLiteral("Validation/img1.jpg"));
    QVERIFY(folder->localImagePath(QStringLiteral("Test/img0.jpg"))
                .endsWith(QLatin1String("images/Test/img0.jpg")));
    QVERIFY(folder->imageSize(QStringLiteral("Test/img0.jpg")) > 0);
}

void TestCvatFolder::shouldFindVideoFramesWithoutExtension()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("annotations.xml")),
                      "<annotations><version>1.1</version><meta><task><subset>default</subset>"
                      "</task></meta>"
                      "<image id=\"10\" name=\"frame_000010\" width=\"25\" height=\"20\"/>"
                      "<image id=\"13\" name=\"frame_000013\" width=\"25\" height=\"20\"/>"
                      "</annotations>"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/frame_000010.PNG")), "x"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/frame_000013.png")), "x"));
    const auto folder = CvatExportFolder::open(dir.path(), nullptr);

    const CheckResult result = check(*folder);

    QCOMPARE(result.found, 2);
    QCOMPARE(result.resolutions.at(0).match, CvatFolderCheck::Match::VideoFrame);
    QCOMPARE(result.resolutions.at(0).file, QStringLiteral("frame_000010.PNG"));
    QCOMPARE(result.resolutions.at(1).file, QStringLiteral("frame_000013.png"));
}

void TestCvatFolder::shouldReportMissingAndExtraImages()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("annotations.xml")),
                      "<annotations><version>1.1</version><meta><task/></meta>\n"
                      "<image id=\"0\" name=\"sub/a.jpg\" width=\"2\" height=\"2\"/>\n"
                      "<image id=\"1\" name=\"gone.jpg\" width=\"2\" height=\"2\"/>\n"
                      "</annotations>"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/sub/a.jpg")), "x"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/stray.png")), "x"));
    const auto folder = CvatExportFolder::open(dir.path(), nullptr);

    const CheckResult result = check(*folder);

    QCOMPARE(result.found, 1);
    QCOMPARE(result.missing, 1);
    const QList<CvatProblem> missing = result.problems.ofKind(Problem::MissingImage);
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing.first().imageName, QStringLiteral("gone.jpg"));
    QCOMPARE(missing.first().line, 3);
    QCOMPARE(missing.first().severity, CvatProblem::Severity::Warning);
    const QList<CvatProblem> extra = result.problems.ofKind(Problem::ExtraImage);
    QCOMPARE(extra.size(), 1);
    QCOMPARE(extra.first().imageName, QStringLiteral("stray.png"));
}

void TestCvatFolder::shouldFallBackToUniqueBasenameWithWarning()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("annotations.xml")),
                      "<annotations><version>1.1</version><meta><task/></meta>"
                      "<image id=\"0\" name=\"a.jpg\" width=\"2\" height=\"2\"/>"
                      "<image id=\"1\" name=\"B.JPG\" width=\"2\" height=\"2\"/></annotations>"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/moved/a.jpg")), "x"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("images/b.jpg")), "x"));
    const auto folder = CvatExportFolder::open(dir.path(), nullptr);

    const CheckResult result = check(*folder);

    QCOMPARE(result.found, 2);
    QCOMPARE(result.resolutions.at(0).match, CvatFolderCheck::Match::Basename);
    QCOMPARE(result.resolutions.at(1).match, CvatFolderCheck::Match::CaseInsensitive);
    QCOMPARE(result.problems.count(Problem::ImageFoundByBasename), 1);
}

void TestCvatFolder::shouldNeverResolveNamesOutsideTheFolder()
{
    QTemporaryDir dir;
    // A file next to the export that an escaping name would reach.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("secret.jpg")), "secret"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("export/annotations.xml")),
                      "<annotations><version>1.1</version><meta><task/></meta>"
                      "<image id=\"0\" name=\"../../secret.jpg\" width=\"2\" height=\"2\"/>"
                      "<image id=\"1\" name=\""
                          + QFile::encodeName(dir.filePath(QStringLiteral("secret.jpg")))
                          + "\" width=\"2\" height=\"2\"/></annotations>"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("export/images/ok.jpg")), "x"));
    const auto folder = CvatExportFolder::open(dir.filePath(QStringLiteral("export")), nullptr);

    const CheckResult result = check(*folder);

    QCOMPARE(result.found, 0);
    QCOMPARE(result.missing, 2);
    QCOMPARE(result.problems.count(Problem::UnsafeImageName), 2);
    QVERIFY(!folder->openImage(QStringLiteral("../../secret.jpg")));
    QVERIFY(!folder->openImage(QStringLiteral("../secret.jpg")));
    QVERIFY(folder->localImagePath(QStringLiteral("../secret.jpg")).isEmpty());
}

void TestCvatFolder::shouldNotFollowSymlinksOutOfTheFolder()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("outside/secret.jpg")), "secret"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("export/annotations.xml")),
                      "<annotations><version>1.1</version><meta><task/></meta>"
                      "<image id=\"0\" name=\"link.jpg\" width=\"2\" height=\"2\"/>"
                      "<image id=\"1\" name=\"linked/secret.jpg\" width=\"2\" height=\"2\"/>"
                      "</annotations>"));
    QDir().mkpath(dir.filePath(QStringLiteral("export/images")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("outside/secret.jpg")),
                        dir.filePath(QStringLiteral("export/images/link.jpg"))));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("outside")),
                        dir.filePath(QStringLiteral("export/images/linked"))));
    const auto folder = CvatExportFolder::open(dir.filePath(QStringLiteral("export")), nullptr);

    const CheckResult result = check(*folder);

    QCOMPARE(folder->imageFiles(), QStringList());
    QCOMPARE(result.found, 0);
    QCOMPARE(result.problems.count(Problem::MissingImage), 2);
}

void TestCvatFolder::shouldReadZipExportInPlace()
{
    QTemporaryDir dir;
    QFile xml(samplePath(QStringLiteral("datumaro-export-task/annotations.xml")));
    QVERIFY(xml.open(QIODevice::ReadOnly));
    const QByteArray annotations = xml.readAll();
    const QString zipPath = dir.filePath(QStringLiteral("task.zip"));
    QVERIFY(writeZip(zipPath,
                     {{"annotations.xml", annotations},
                      {"images/img0.jpg", "zero"},
                      {"images/img1.jpg", "one"}}));
    QString error;

    const auto folder = CvatExportFolder::open(zipPath, &error);

    QVERIFY2(folder, qPrintable(error));
    QCOMPARE(folder->kind(), CvatExportFolder::Kind::Zip);
    QCOMPARE(folder->displayName(), QStringLiteral("task"));
    QCOMPARE(folder->annotationsSize(), annotations.size());
    const CheckResult result = check(*folder);
    QCOMPARE(result.found, 2);
    QCOMPARE(result.problems.count(CvatProblem::Severity::Error), 0);
    QCOMPARE(readAll(folder->openImage(QStringLiteral("img1.jpg")).get()), QByteArray("one"));
    QCOMPARE(folder->imageSize(QStringLiteral("img0.jpg")), 4);
    QVERIFY(folder->localImagePath(QStringLiteral("img0.jpg")).isEmpty());
    // Nothing was unpacked beside the archive.
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{QStringLiteral("task.zip")});
}

void TestCvatFolder::shouldRefuseZipSlipEntries()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("evil.zip"));
    QVERIFY(writeZip(zipPath,
                     {{"annotations.xml",
                       "<annotations><version>1.1</version><meta><task/></meta>"
                       "<image id=\"0\" name=\"../evil.jpg\" width=\"1\" height=\"1\"/>"
                       "<image id=\"1\" name=\"ok.jpg\" width=\"1\" height=\"1\"/>"
                       "</annotations>"},
                      {"images/../evil.jpg", "evil"},
                      {"../../escape.jpg", "evil"},
                      {"/abs/olute.jpg", "evil"},
                      {"images/ok.jpg", "ok"}}));

    const auto folder = CvatExportFolder::open(zipPath, nullptr);

    QVERIFY(folder);
    QCOMPARE(folder->unsafeEntries().size(), 3);
    QCOMPARE(folder->imageFiles(), QStringList{QStringLiteral("ok.jpg")});
    const CheckResult result = check(*folder);
    QCOMPARE(result.found, 1);
    QCOMPARE(result.problems.count(Problem::UnsafeImageName), 1);
    QVERIFY(!folder->openImage(QStringLiteral("../evil.jpg")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{QStringLiteral("evil.zip")});
}

void TestCvatFolder::shouldAcceptExportInsideOneTopLevelFolder()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("nested.zip"));
    QVERIFY(writeZip(zipPath,
                     {{"job_1/annotations.xml",
                       "<annotations><version>1.1</version><meta><job/></meta>"
                       "<image id=\"0\" name=\"a.jpg\" width=\"1\" height=\"1\"/></annotations>"},
                      {"job_1/images/a.jpg", "a"}}));

    const auto folder = CvatExportFolder::open(zipPath, nullptr);

    QVERIFY(folder);
    QCOMPARE(folder->imageFiles(), QStringList{QStringLiteral("a.jpg")});
    QCOMPARE(check(*folder).found, 1);
}

void TestCvatFolder::shouldExplainWhatIsMissing()
{
    QTemporaryDir dir;
    QString error;

    QVERIFY(!CvatExportFolder::open(dir.path(), &error));
    QVERIFY(error.contains(QLatin1String("annotations.xml")));

    QVERIFY(writeFile(dir.filePath(QStringLiteral("broken.zip")), "not a zip"));
    QVERIFY(!CvatExportFolder::open(dir.filePath(QStringLiteral("broken.zip")), &error));
    QVERIFY(error.contains(QLatin1String("zip")));

    QVERIFY(!CvatExportFolder::open(dir.filePath(QStringLiteral("nowhere")), &error));
    QVERIFY(error.contains(QLatin1String("does not exist")));
}

void TestCvatFolder::shouldPreviewProjectExport()
{
    const auto folder =
        CvatExportFolder::open(samplePath(QStringLiteral("datumaro-export-project")), nullptr);
    QVERIFY(folder);

    const CvatPreview preview = CvatPreview::build(*folder);

    QVERIFY(preview.canImport());
    QCOMPARE(preview.info.scope, CvatExportInfo::Scope::Project);
    QCOMPARE(preview.imageCount, 6);
    QCOMPARE(preview.files.size(), 6);
    QCOMPARE(preview.imagesMissing, 0);
    QCOMPARE(preview.files.at(2).file, QStringLiteral("Train/img0.jpg"));
    QCOMPARE(preview.files.at(2).subset, QStringLiteral("Train"));
    QVERIFY(preview.totalBytes > 0);
    QCOMPARE(preview.shapeCounts.value(QStringLiteral("label1")).value(CvatShape::Kind::Box), 3);
    QCOMPARE(preview.shapeCounts.value(QStringLiteral("label2")).value(CvatShape::Kind::Points), 3);
}

void TestCvatFolder::shouldPreviewZipAndCopyImagesOut()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("job.zip"));
    QVERIFY(writeZip(zipPath,
                     {{"annotations.xml",
                       "<annotations><version>1.1</version><meta><job/></meta>\n"
                       "<image id=\"5\" name=\"a.jpg\" width=\"4\" height=\"4\">"
                       "<polygon label=\"x\" points=\"1,1\"/></image>\n"
                       "<image id=\"6\" name=\"gone.jpg\" width=\"4\" height=\"4\"/>"
                       "</annotations>"},
                      {"images/a.jpg", "pixels of a"},
                      {"../escape.jpg", "evil"}}));
    const auto folder = CvatExportFolder::open(zipPath, nullptr);
    QVERIFY(folder);

    const CvatPreview preview = CvatPreview::build(*folder);

    QVERIFY(preview.complete);
    QVERIFY(!preview.canImport()); // the zip-slip entry is an error
    QCOMPARE(preview.problems.count(Problem::UnsafeImageName), 1);
    QCOMPARE(preview.problems.count(Problem::MissingImage), 1);
    QCOMPARE(preview.problems.count(Problem::DegeneratePolygon), 1);
    QCOMPARE(preview.imagesMissing, 1);
    QCOMPARE(preview.files.size(), 1);
    QCOMPARE(preview.files.first().size, 11);
    const QString copy = dir.filePath(QStringLiteral("a.jpg"));
    QString error;
    QVERIFY2(folder->copyImage(preview.files.first().file, copy, &error), qPrintable(error));
    QFile copied(copy);
    QVERIFY(copied.open(QIODevice::ReadOnly));
    QCOMPARE(copied.readAll(), QByteArray("pixels of a"));
    QVERIFY(!folder->copyImage(QStringLiteral("../escape.jpg"), copy, &error));
}

QTEST_GUILESS_MAIN(TestCvatFolder)
#include "tst_cvatfolder.moc"
