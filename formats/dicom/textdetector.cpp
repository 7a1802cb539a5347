#include "textdetector.h"

#include "ocrabi.h"

#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

namespace Encord::Dicom {

namespace {

constexpr int kMaxWords = 4096;

struct Module
{
    bool loaded = false;
    QString error;
    EncordOcrCreate create = nullptr;
    EncordOcrDetect detect = nullptr;
    EncordOcrDestroy destroy = nullptr;
    EncordOcrSavePng savePng = nullptr;
};

// Loaded once per process and kept: Tesseract does not like being unloaded.
const Module &module()
{
    static QMutex mutex;
    static Module instance;
    // Destroying a QLibrary does not unload it; a static one is simply not leaked.
    static QLibrary library;
    static bool tried = false;
    const QMutexLocker lock(&mutex);
    if (tried)
        return instance;
    tried = true;
    const QString path = TextDetector::modulePath();
    library.setFileName(path);
    if (path.isEmpty() || !library.load()) {
        instance.error =
            TextDetector::tr("The text recogniser (encord_deid_ocr) could not be "
                             "loaded: %1")
                .arg(path.isEmpty() ? TextDetector::tr("not found") : library.errorString());
        return instance;
    }
    instance.create = reinterpret_cast<EncordOcrCreate>(library.resolve("encord_ocr_create"));
    instance.detect = reinterpret_cast<EncordOcrDetect>(library.resolve("encord_ocr_detect"));
    instance.destroy = reinterpret_cast<EncordOcrDestroy>(library.resolve("encord_ocr_destroy"));
    instance.savePng = reinterpret_cast<EncordOcrSavePng>(library.resolve("encord_ocr_save_png"));
    instance.loaded = instance.create && instance.detect && instance.destroy && instance.savePng;
    if (!instance.loaded)
        instance.error = TextDetector::tr("The text recogniser at %1 is incomplete.").arg(path);
    return instance;
}

} // namespace

QString TextDetector::modulePath()
{
    const QString fromEnvironment = qEnvironmentVariable("ENCORD_DEID_OCR_MODULE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString programs = QCoreApplication::applicationDirPath();
    const QStringList installed = {
        programs + QStringLiteral("/encord_deid_ocr.so"),
        programs + QStringLiteral("/../lib/encord-desktop/encord_deid_ocr.so"),
    };
    for (const QString &candidate : installed) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    const QString built = QStringLiteral(ENCORD_DEID_OCR_BUILD_PATH);
    return QFileInfo::exists(built) ? built : QString();
}

TextDetector::TextDetector()
{
    const Module &ocr = module();
    if (!ocr.loaded) {
        m_error = ocr.error;
        return;
    }
    char error[256] = {};
    m_engine = ocr.create(error, int(sizeof(error)));
    if (!m_engine)
        m_error = tr("The text recogniser could not start: %1").arg(QString::fromUtf8(error));
}

TextDetector::~TextDetector()
{
    if (m_engine)
        module().destroy(m_engine);
}

bool TextDetector::isReady() const
{
    return m_engine != nullptr;
}

QString TextDetector::errorString() const
{
    return m_error;
}

QList<DetectedWord> TextDetector::detect(const GreyImage &grey)
{
    QList<DetectedWord> words;
    if (!m_engine || grey.isNull())
        return words;
    std::vector<EncordOcrWord> found(kMaxWords);
    const int count = module().detect(
        m_engine, grey.pixels.data(), grey.width, grey.height, grey.width, found.data(), kMaxWords);
    for (int index = 0; index < std::min(count, kMaxWords); ++index) {
        const EncordOcrWord &word = found[size_t(index)];
        words.append({QRect(word.x, word.y, word.width, word.height),
                      QString::fromUtf8(word.text),
                      word.confidence});
    }
    return words;
}

bool TextDetector::savePng(const GreyImage &grey, const QString &path)
{
    const Module &ocr = module();
    if (!ocr.loaded || grey.isNull())
        return false;
    const QByteArray native = QFile::encodeName(path);
    return ocr.savePng(grey.pixels.data(), grey.width, grey.height, grey.width, native.constData())
           != 0;
}

} // namespace Encord::Dicom
