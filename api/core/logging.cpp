#include "logging.h"

Q_LOGGING_CATEGORY(lcEncordApi, "encord.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEncordApiHttp, "encord.api.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEncordApiAuth, "encord.api.auth", QtInfoMsg)
