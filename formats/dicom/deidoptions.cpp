#include "deidoptions.h"

#include <QJsonArray>

namespace Encord::Dicom {

std::optional<PixelRedactionMode> DeidOptions::parseMode(const QString &text)
{
    const QString key = text.toLower().remove(QLatin1Char('_'));
    if (key == QLatin1String("redactnotext") || key.isEmpty())
        return PixelRedactionMode::NoText;
    if (key == QLatin1String("redactalltext"))
        return PixelRedactionMode::AllText;
    if (key == QLatin1String("redactsensitivetext"))
        return PixelRedactionMode::SensitiveText;
    return std::nullopt;
}

QString DeidOptions::modeName(PixelRedactionMode mode)
{
    switch (mode) {
    case PixelRedactionMode::NoText:
        return QStringLiteral("redactNoText");
    case PixelRedactionMode::AllText:
        return QStringLiteral("redactAllText");
    case PixelRedactionMode::SensitiveText:
        return QStringLiteral("redactSensitiveText");
    }
    return {};
}

QJsonObject DeidOptions::toJson() const
{
    QJsonArray conditions;
    for (const SaveCondition &condition : saveConditions)
        conditions.append(condition.toJson());
    QJsonArray boxes;
    for (const QRect &box : fixedBoxes)
        boxes.append(QJsonArray{box.x(), box.y(), box.width(), box.height()});
    return {
        {QStringLiteral("redactTags"), redactTags},
        {QStringLiteral("pixelMode"), modeName(pixelMode)},
        {QStringLiteral("saveConditions"), conditions},
        {QStringLiteral("naming"),
         naming == OutputNaming::SopInstanceUid ? QStringLiteral("sopInstanceUid")
                                                : QStringLiteral("prefixedOriginal")},
        {QStringLiteral("maxOcrFrames"), maxOcrFrames},
        {QStringLiteral("fixedBoxes"), boxes},
    };
}

std::optional<DeidOptions> DeidOptions::fromJson(const QJsonObject &json, QString *error)
{
    DeidOptions options;
    options.redactTags = json.value(QLatin1String("redactTags")).toBool(true);
    const auto mode = parseMode(json.value(QLatin1String("pixelMode")).toString());
    if (!mode) {
        if (error)
            *error = QStringLiteral("Unknown pixel redaction mode.");
        return std::nullopt;
    }
    options.pixelMode = *mode;
    for (const QJsonValue &entry : json.value(QLatin1String("saveConditions")).toArray()) {
        auto condition = SaveCondition::fromJson(entry.toObject(), error);
        if (!condition)
            return std::nullopt;
        options.saveConditions.append(*condition);
    }
    options.naming =
        json.value(QLatin1String("naming")).toString() == QLatin1String("sopInstanceUid")
            ? OutputNaming::SopInstanceUid
            : OutputNaming::PrefixedOriginal;
    options.maxOcrFrames = qMax(1, json.value(QLatin1String("maxOcrFrames")).toInt(3));
    for (const QJsonValue &entry : json.value(QLatin1String("fixedBoxes")).toArray()) {
        const QJsonArray box = entry.toArray();
        const QRect rect(
            box.at(0).toInt(), box.at(1).toInt(), box.at(2).toInt(), box.at(3).toInt());
        if (box.size() != 4 || rect.isEmpty()) {
            if (error)
                *error = QStringLiteral("A fixed box needs a position and a size.");
            return std::nullopt;
        }
        options.fixedBoxes.append(rect);
    }
    return options;
}

} // namespace Encord::Dicom
