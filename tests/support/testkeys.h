#pragma once

#include <QByteArray>
#include <QString>

namespace EncordTest {

/// RFC 8032 §7.1 TEST 1, as an OpenSSH container (spec §1.6). A published test vector, not a
/// secret: the SDK captures in shared/spec/sdk-captures were signed with it.
QByteArray rfc8032TestKeyText();
/// Its public key as 64 lower-case hex digits.
QString rfc8032PublicKeyHex();

} // namespace EncordTest
