#pragma once

#include "serverresponse.h"

#include <optional>

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
    /// The 401 answer for a v2 request whose signature does not hold, checked against the
    /// digest its Content-Digest header claims (in bodyFileSha256): who is asking, before a
    /// large body is received. nullopt when it holds; the body is checked again when it is in.
    std::optional<ServerResponse> refuseUnsigned(const ServerRequest &request) const;

private:
    ServerResponse handleV1(const ServerRequest &request, bool userScope) const;
    ServerResponse handleV2(const ServerRequest &request) const;

    Workspace &m_workspace;
};

} // namespace Encord::Server
