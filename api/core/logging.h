#pragma once

#include <QLoggingCategory>

// Logging categories of the api/ layer. Enable with QT_LOGGING_RULES="encord.api.*=true".
// Nothing logged here may contain key material, signatures or signed URL query strings.
Q_DECLARE_LOGGING_CATEGORY(lcEncordApi)
Q_DECLARE_LOGGING_CATEGORY(lcEncordApiHttp)
Q_DECLARE_LOGGING_CATEGORY(lcEncordApiAuth)
