#pragma once

#include "serverresponse.h"

namespace Encord::Server {

class Workspace;
struct ServerRequest;

/// Authenticates and dispatches one buffered request: POST /public and /public/user to the v1
/// API, /v2/public/* to the v2 API. Nothing is served without a valid signature. Never throws:
/// internal failures become a 500 answer in the protocol's envelope.
class Router
{
public:
    explicit Router(Workspace &workspace);

    ServerResponse handle(const ServerRequest &request) const;

private:
    ServerResponse handleV1(const ServerRequest &request, bool userScope) const;
    ServerResponse handleV2(const ServerRequest &request) const;

    Workspace &m_workspace;
};

} // namespace Encord::Server
