#pragma once

#include <QLoggingCategory>

// Logging categories of the local workspace server. Enable with
// QT_LOGGING_RULES="encord.server.*=true". Nothing logged here may contain a signature, a key,
// an API key or the query of a signed URL.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcServerHttp)
Q_DECLARE_LOGGING_CATEGORY(lcServerAuth)
Q_DECLARE_LOGGING_CATEGORY(lcServerDb)
Q_DECLARE_LOGGING_CATEGORY(lcServerBlob)
