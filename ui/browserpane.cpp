#include "browserpane.h"

namespace Encord {

void BrowserPane::saveState(const QString &) const { }

void BrowserPane::restoreState(const QString &) { }

} // namespace Encord
