#include "deidentifyjobstate.h"

#include "jsonreader.h"

namespace Encord {

DeidentifyJobState DeidentifyJobState::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DeidentifyJobState state;
    state.status = reader.enumValue("status", LongPollStatus::Pending);
    state.urls = reader.stringList("urls");
    state.extra = reader.unconsumed();
    return state;
}

QJsonObject DeidentifyJobState::toJson() const
{
    QJsonObject json{{QStringLiteral("status"), status.toJson()}};
    if (status == LongPollStatus::Done || !urls.isEmpty())
        json.insert(QStringLiteral("urls"), Json::toArray(urls));
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
