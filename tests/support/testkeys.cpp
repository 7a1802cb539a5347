#include "testkeys.h"

namespace EncordTest {

QByteArray rfc8032TestKeyText()
{
    return QByteArrayLiteral(
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx\n"
        "OQAAACDXWpgBgrEKt9VL/tPJZAc6DuFy89qmIyWvAhpo9wdRGgAAAIjU+guE1PoLhAAAAAtzc2gt\n"
        "ZWQyNTUxOQAAACDXWpgBgrEKt9VL/tPJZAc6DuFy89qmIyWvAhpo9wdRGgAAAECdYbGd7/1aYLqE\n"
        "SvSS7CzEREnFaXsyaRlwO6wDHK5/YNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1EaAAAA\n"
        "AAECAwQF\n"
        "-----END OPENSSH PRIVATE KEY-----\n");
}

QString rfc8032PublicKeyHex()
{
    return QStringLiteral("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
}

} // namespace EncordTest
