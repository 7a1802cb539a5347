#include "profilestore.h"

namespace Encord {

namespace {

const QString kProfilesGroup = QStringLiteral("profiles");
const QString kLastUsedKey = QStringLiteral("connection/lastProfile");

QString kindName(ConnectionProfile::Kind kind)
{
    return kind == ConnectionProfile::Kind::Encord ? QStringLiteral("encord")
                                                   : QStringLiteral("local");
}

QString keySourceName(ConnectionProfile::KeySource source)
{
    return source == ConnectionProfile::KeySource::Environment ? QStringLiteral("environment")
                                                               : QStringLiteral("file");
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{ }

QSettings *ProfileStore::settings() const
{
    return m_settings ? m_settings : &m_ownSettings;
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QSettings *store = settings();
    QList<ConnectionProfile> out;
    const int count = store->beginReadArray(kProfilesGroup);
    for (int i = 0; i < count; ++i) {
        store->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = store->value(QStringLiteral("name")).toString();
        profile.kind = store->value(QStringLiteral("kind")).toString() == QLatin1String("encord")
                           ? ConnectionProfile::Kind::Encord
                           : ConnectionProfile::Kind::LocalWorkspace;
        profile.workspaceDir = store->value(QStringLiteral("workspaceDir")).toString();
        profile.domain = store->value(QStringLiteral("domain")).toUrl();
        profile.keySource =
            store->value(QStringLiteral("keySource")).toString() == QLatin1String("environment")
                ? ConnectionProfile::KeySource::Environment
                : ConnectionProfile::KeySource::File;
        profile.keyFile = store->value(QStringLiteral("keyFile")).toString();
        if (!profile.name.isEmpty())
            out.append(profile);
    }
    store->endArray();
    if (out.isEmpty())
        out.append(ConnectionProfile::defaultLocal());
    return out;
}

void ProfileStore::setProfiles(const QList<ConnectionProfile> &profiles)
{
    QSettings *store = settings();
    store->remove(kProfilesGroup);
    store->beginWriteArray(kProfilesGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        store->setArrayIndex(i);
        store->setValue(QStringLiteral("name"), profile.name);
        store->setValue(QStringLiteral("kind"), kindName(profile.kind));
        store->setValue(QStringLiteral("workspaceDir"), profile.workspaceDir);
        store->setValue(QStringLiteral("domain"), profile.domain);
        store->setValue(QStringLiteral("keySource"), keySourceName(profile.keySource));
        store->setValue(QStringLiteral("keyFile"), profile.keyFile);
    }
    store->endArray();
}

std::optional<ConnectionProfile> ProfileStore::find(const QString &name) const
{
    for (const ConnectionProfile &profile : profiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

ConnectionProfile ProfileStore::lastUsed() const
{
    const QString name = settings()->value(kLastUsedKey).toString();
    if (const auto profile = find(name))
        return *profile;
    return profiles().first();
}

void ProfileStore::setLastUsed(const QString &name)
{
    settings()->setValue(kLastUsedKey, name);
}

} // namespace Encord
