// encord-deid-worker: de-identifies DICOM files for DeidRunner, outside the caller's process, so
// that a library abort costs the file in hand, not the caller. Reads requests from stdin, one
// JSON object a line:
//   {"action": "inspect"|"preview"|"deidentify", "input": path, "outputFolder": path,
//    "fileName": name, "options": DeidOptions::toJson(), "previewImage"?: path.png}
// and answers each with one DeidResult::toJson() line on stdout, flushed at once. Serves
// requests until stdin closes, so one process start is paid for many files; a single request
// without a newline followed by end of input works too. Exit code 0 whenever it answered all.

#include "dicomdeidentifier.h"
#include "textdetector.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>
#include <string>
#include <unistd.h>

using namespace Encord::Dicom;

namespace {

DeidResult handle(const QByteArray &line)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject request = document.object();
    const QString input = request.value(QLatin1String("input")).toString();
    if (parseError.error != QJsonParseError::NoError || input.isEmpty())
        return DeidResult::failure(input,
                                   QCoreApplication::translate("encord-deid-worker",
                                                               "The worker received a malformed "
                                                               "request."));

    QString optionsError;
    const auto options =
        DeidOptions::fromJson(request.value(QLatin1String("options")).toObject(), &optionsError);
    if (!options)
        return DeidResult::failure(input, optionsError);

    const DicomDeidentifier deidentifier(*options);
    const QString action = request.value(QLatin1String("action")).toString();
    if (action == QLatin1String("inspect"))
        return deidentifier.inspect(input);
    if (action == QLatin1String("preview")) {
        GreyImage frame;
        const DeidResult result = deidentifier.preview(input, &frame);
        const QString imagePath = request.value(QLatin1String("previewImage")).toString();
        if (!imagePath.isEmpty() && !frame.isNull())
            TextDetector::savePng(frame, imagePath);
        return result;
    }
    return deidentifier.deidentify(input,
                                   request.value(QLatin1String("outputFolder")).toString(),
                                   request.value(QLatin1String("fileName")).toString());
}

} // namespace

int main(int argc, char *argv[])
{
    // The answers get a descriptor of their own and stdout becomes stderr: a line a library
    // prints to stdout would otherwise be read as the answer, and desynchronise every later file.
    const int answerDescriptor = ::dup(STDOUT_FILENO);
    if (answerDescriptor < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
        return 2;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encord-deid-worker"));

    QFile out;
    if (!out.open(answerDescriptor, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle))
        return 2;

    // std::getline returns at each newline; a buffered QIODevice on stdin may wait for more.
    std::string text;
    while (std::getline(std::cin, text)) {
        const QByteArray line = QByteArray::fromStdString(text).trimmed();
        if (line.isEmpty())
            continue;
        out.write(QJsonDocument(handle(line).toJson()).toJson(QJsonDocument::Compact));
        out.write("\n");
        // The runner waits for this line before it sends the next file.
        if (!out.flush())
            return 2;
    }
    return 0;
}
