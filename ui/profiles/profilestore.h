#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QSettings>

namespace Encord {

/// The saved connection profiles, in the application's QSettings. There is always at least
/// the default local workspace profile.
class ProfileStore
{
public:
    /// Uses @p settings (not owned); the application's settings when null.
    explicit ProfileStore(QSettings *settings = nullptr);

    QList<ConnectionProfile> profiles() const;
    void setProfiles(const QList<ConnectionProfile> &profiles);
    /// The profile with @p name, if saved.
    std::optional<ConnectionProfile> find(const QString &name) const;

    /// The profile used last; the first saved one when none is recorded.
    ConnectionProfile lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings *settings() const;

    QSettings *m_settings;
    mutable QSettings m_ownSettings;
};

} // namespace Encord
