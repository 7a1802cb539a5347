#include "deidresult.h"

#include <QJsonArray>

namespace Encord::Dicom {

namespace {

QJsonArray tagsToJson(const QList<TagSummary> &tags)
{
    QJsonArray array;
    for (const TagSummary &tag : tags) {
        array.append(QJsonObject{{QStringLiteral("group"), tag.group},
                                 {QStringLiteral("element"), tag.element},
                                 {QStringLiteral("keyword"), tag.keyword},
                                 {QStringLiteral("value"), tag.value},
                                 {QStringLiteral("nested"), tag.nestedCount}});
    }
    return array;
}

QList<TagSummary> tagsFromJson(const QJsonArray &array)
{
    QList<TagSummary> tags;
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        tags.append({static_cast<std::uint16_t>(object.value(QLatin1String("group")).toInt()),
                     static_cast<std::uint16_t>(object.value(QLatin1String("element")).toInt()),
                     object.value(QLatin1String("keyword")).toString(),
                     object.value(QLatin1String("value")).toString(),
                     object.value(QLatin1String("nested")).toInt()});
    }
    return tags;
}

const QList<std::pair<DeidResult::Status, QLatin1String>> &statusNames()
{
    static const QList<std::pair<DeidResult::Status, QLatin1String>> names = {
        {DeidResult::Status::Written, QLatin1String("written")},
        {DeidResult::Status::Previewed, QLatin1String("previewed")},
        {DeidResult::Status::NotSaved, QLatin1String("notSaved")},
        {DeidResult::Status::Failed, QLatin1String("failed")},
    };
    return names;
}

} // namespace

QString TagSummary::tagText() const
{
    return QStringLiteral("(%1,%2)")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

DeidResult DeidResult::failure(const QString &inputPath, const QString &error)
{
    DeidResult result;
    result.status = Status::Failed;
    result.inputPath = inputPath;
    result.error = error;
    return result;
}

QString DeidResult::statusName(Status status)
{
    for (const auto &[value, name] : statusNames()) {
        if (value == status)
            return name;
    }
    return {};
}

QJsonObject DeidResult::toJson() const
{
    QJsonArray boxArray;
    for (const RedactedBox &box : boxes) {
        boxArray.append(QJsonObject{{QStringLiteral("x"), box.rect.x()},
                                    {QStringLiteral("y"), box.rect.y()},
                                    {QStringLiteral("width"), box.rect.width()},
                                    {QStringLiteral("height"), box.rect.height()},
                                    {QStringLiteral("text"), box.text}});
    }
    return {
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("input"), inputPath},
        {QStringLiteral("output"), outputPath},
        {QStringLiteral("error"), error},
        {QStringLiteral("sopInstanceUid"), sopInstanceUid},
        {QStringLiteral("seriesInstanceUid"), seriesInstanceUid},
        {QStringLiteral("conditionsHeld"), conditionsHeld},
        {QStringLiteral("removedTags"), tagsToJson(removedTags)},
        {QStringLiteral("keptTags"), tagsToJson(keptTags)},
        {QStringLiteral("removedElementCount"), removedElementCount},
        {QStringLiteral("boxes"), boxArray},
        {QStringLiteral("frameCount"), frameCount},
        {QStringLiteral("framesScanned"), framesScanned},
        {QStringLiteral("inputTransferSyntax"), inputTransferSyntax},
        {QStringLiteral("outputTransferSyntax"), outputTransferSyntax},
    };
}

DeidResult DeidResult::fromJson(const QJsonObject &json)
{
    DeidResult result;
    const QString status = json.value(QLatin1String("status")).toString();
    for (const auto &[value, name] : statusNames()) {
        if (name == status)
            result.status = value;
    }
    result.inputPath = json.value(QLatin1String("input")).toString();
    result.outputPath = json.value(QLatin1String("output")).toString();
    result.error = json.value(QLatin1String("error")).toString();
    result.sopInstanceUid = json.value(QLatin1String("sopInstanceUid")).toString();
    result.seriesInstanceUid = json.value(QLatin1String("seriesInstanceUid")).toString();
    result.conditionsHeld = json.value(QLatin1String("conditionsHeld")).toBool(true);
    result.removedTags = tagsFromJson(json.value(QLatin1String("removedTags")).toArray());
    result.keptTags = tagsFromJson(json.value(QLatin1String("keptTags")).toArray());
    result.removedElementCount = json.value(QLatin1String("removedElementCount")).toInt();
    for (const QJsonValue &entry : json.value(QLatin1String("boxes")).toArray()) {
        const QJsonObject box = entry.toObject();
        result.boxes.append({QRect(box.value(QLatin1String("x")).toInt(),
                                   box.value(QLatin1String("y")).toInt(),
                                   box.value(QLatin1String("width")).toInt(),
                                   box.value(QLatin1String("height")).toInt()),
                             box.value(QLatin1String("text")).toString()});
    }
    result.frameCount = json.value(QLatin1String("frameCount")).toInt();
    result.framesScanned = json.value(QLatin1String("framesScanned")).toInt();
    result.inputTransferSyntax = json.value(QLatin1String("inputTransferSyntax")).toString();
    result.outputTransferSyntax = json.value(QLatin1String("outputTransferSyntax")).toString();
    return result;
}

} // namespace Encord::Dicom
