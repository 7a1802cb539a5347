#include "cvatdocument.h"

#include "cvatreader.h"

#include <QCoreApplication>
#include <QFile>

namespace Encord::Cvat {

namespace {

CvatDocument drain(CvatReader &reader)
{
    CvatDocument document;
    while (std::optional<CvatImage> image = reader.readNextImage())
        document.images.append(std::move(*image));
    document.info = reader.info();
    document.problems = reader.problems();
    document.complete = reader.finished();
    return document;
}

} // namespace

CvatDocument CvatDocument::read(QIODevice *device)
{
    CvatReader reader(device);
    return drain(reader);
}

CvatDocument CvatDocument::read(const QByteArray &data)
{
    CvatReader reader(data);
    return drain(reader);
}

CvatDocument CvatDocument::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CvatDocument document;
        document.problems.add(CvatProblem::Kind::MalformedXml,
                              QCoreApplication::translate("CvatDocument", "Cannot open %1: %2")
                                  .arg(path, file.errorString()));
        return document;
    }
    return read(&file);
}

int CvatDocument::shapeCount(CvatShape::Kind kind) const
{
    int count = 0;
    for (const CvatImage &image : images) {
        for (const CvatShape &shape : image.shapes)
            count += shape.kind == kind ? 1 : 0;
    }
    return count;
}

int CvatDocument::shapeCount(const QString &label, CvatShape::Kind kind) const
{
    int count = 0;
    for (const CvatImage &image : images) {
        for (const CvatShape &shape : image.shapes)
            count += shape.kind == kind && shape.label == label ? 1 : 0;
    }
    return count;
}

} // namespace Encord::Cvat
