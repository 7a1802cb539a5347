#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "encord.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerHttp, "encord.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerAuth, "encord.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerDb, "encord.server.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerBlob, "encord.server.blob", QtInfoMsg)
