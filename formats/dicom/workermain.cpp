// encord-deid-worker: de-identifies one DICOM file per process so that a library abort costs
// one file, not the caller. Reads one JSON request on stdin:
//   {"action": "inspect"|"preview"|"deidentify", "input": path, "outputFolder": path,
//    "fileName": name, "options": DeidOptions::toJson(), "previewImage"?: path.png}
// and writes one DeidResult::toJson() answer on stdout. Exit code 0 whenever it answered.

#include "dicomdeidentifier.h"
#include "textdetector.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Encord::Dicom;

namespace {

int answer(const DeidResult &result)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 2;
    out.write(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact));
    out.write("\n");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encord-deid-worker"));

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    const QJsonObject request = document.object();
    const QString input = request.value(QLatin1String("input")).toString();
    if (parseError.error != QJsonParseError::NoError || input.isEmpty())
        return answer(DeidResult::failure(
            input,
            QCoreApplication::translate("encord-deid-worker",
                                        "The worker received a malformed request.")));

    QString optionsError;
    const auto options =
        DeidOptions::fromJson(request.value(QLatin1String("options")).toObject(), &optionsError);
    if (!options)
        return answer(DeidResult::failure(input, optionsError));

    const DicomDeidentifier deidentifier(*options);
    const QString action = request.value(QLatin1String("action")).toString();
    if (action == QLatin1String("inspect"))
        return answer(deidentifier.inspect(input));
    if (action == QLatin1String("preview")) {
        GreyImage frame;
        const DeidResult result = deidentifier.preview(input, &frame);
        const QString imagePath = request.value(QLatin1String("previewImage")).toString();
        if (!imagePath.isEmpty() && !frame.isNull())
            TextDetector::savePng(frame, imagePath);
        return answer(result);
    }
    return answer(deidentifier.deidentify(input,
                                          request.value(QLatin1String("outputFolder")).toString(),
                                          request.value(QLatin1String("fileName")).toString()));
}
