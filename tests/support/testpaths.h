#pragma once

#include <QString>

namespace EncordTest {

/// Where the shared/ folder (spec, SDK captures, sample data) is: ENCORD_SHARED_DIR, set by
/// CTest from the CMake cache.
QString sharedDir();
/// A path below shared/; fails the current test's assumptions loudly if shared/ is missing.
QString sharedPath(const QString &relative);

} // namespace EncordTest
