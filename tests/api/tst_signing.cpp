// The signing vectors of spec §1.6, computed with the SDK's own functions: our signer must
// produce the same bytes, and our verifier must accept them.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "http/httprequest.h"
#include "http/v1querier.h"
#include "testkeys.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTest>

using namespace Encord;

class TestSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldDeriveTheRfc8032PublicKey();
    void shouldSignV1BodyLikeTheSdk();
    void shouldBuildTheSdkV1Body();
    void shouldSignV2Requests_data();
    void shouldSignV2Requests();
    void shouldVerifyWhatItSigns();
    void shouldRejectTamperedSignatures();
    void shouldReadOpenSshPublicKeyLines();
    void shouldSignWithFreshV2Timestamp();
    void shouldKeepTheRequestTargetAsEncoded();

private:
    RequestSigner m_signer;
};

void TestSigning::initTestCase()
{
    auto key = PrivateKey::fromText(EncordTest::rfc8032TestKeyText());
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message()));
    m_signer = RequestSigner(key.value());
}

void TestSigning::shouldDeriveTheRfc8032PublicKey()
{
    QCOMPARE(m_signer.keyId(), EncordTest::rfc8032PublicKeyHex());
}

void TestSigning::shouldSignV1BodyLikeTheSdk()
{
    const QByteArray body = R"({"query_type": "dataset", "query_method": "GET", "values": )"
                            R"({"uid": null, "payload": {"dataset_access_settings": )"
                            R"({"fetch_client_metadata": false}}}})";
    QCOMPARE(body.size(), 147);
    QCOMPARE(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex(),
             QByteArray("c9afc67088e5406d3d17dee7471beb57db527161df3f1a470b7bb425bb69b730"));
    QCOMPARE(m_signer.v1Authorization(body),
             QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a:"
                        "5f84b269b2a025b02edb4804482df0dc0155b774a82b7d9a859b20861baf46d6"
                        "c0c2b65a2c5a1622e221661afe6b5e8f371f000e9ae3742df4c7a7817fe2260b"));
}

void TestSigning::shouldBuildTheSdkV1Body()
{
    // get_dataset's body, as our querier writes it, is byte-identical to the SDK's.
    V1Call call;
    call.scope = V1Scope::Dataset;
    call.queryType = QStringLiteral("dataset");
    call.kind = V1CallKind::Getter;
    call.payload = QJsonObject{{QStringLiteral("dataset_access_settings"),
                                QJsonObject{{QStringLiteral("fetch_client_metadata"), false}}}};
    QCOMPARE(V1Querier::buildBody(call),
             QByteArray(R"({"query_type": "dataset", "query_method": "GET", "values": )"
                        R"({"uid": null, "payload": {"dataset_access_settings": )"
                        R"({"fetch_client_metadata": false}}}})"));
}

void TestSigning::shouldSignV2Requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<QByteArray>("signature");

    QTest::newRow("GET storage/folders")
        << QByteArray("GET")
        << QByteArray("/v2/public/storage/folders?order=name&desc=False&pageSize=100"
                      "&isRecursive=False")
        << QByteArray() << QByteArray("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:")
        << QByteArray("encord-sig=:ckF0WBxMvdelLkvKAdG7FxvGMdzSDhmCXfcxA7rDjAFYoUZHk1DGV8NEo1hqon"
                      "tIf2h+YseMw/BdHELp7S6MCA==:");
    QTest::newRow("POST storage/folders")
        << QByteArray("POST") << QByteArray("/v2/public/storage/folders")
        << QByteArray(R"({"name": "My folder", "description": "demo"})")
        << QByteArray("sha-256=:Tx6Rqm6X9pFtiNb9b4vsyUIJmpc+jkJYJFeIOIl+BgM=:")
        << QByteArray("encord-sig=:FfIgvOklnQzxOXAniV7sVTcQdvLQ+ZlqMWGchgetOYqmHhbvlStNQ8mfHyUw"
                      "GgDYBp2Ut05r/DACR+5MfxDbDg==:");
}

void TestSigning::shouldSignV2Requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, digest);
    QFETCH(QByteArray, signature);

    const auto headers = m_signer.v2Headers(method, target, body, 1700000000);
    QCOMPARE(headers.contentDigest, digest);
    QCOMPARE(headers.signatureInput,
             QByteArray(R"(encord-sig=("@method" "@request-target" "content-digest");)"
                        R"(created=1700000000;keyid="d75a980182b10ab7d54bfed3c964073a0ee172f3)"
                        R"(daa62325af021a68f707511a";alg="ed25519")"));
    QCOMPARE(headers.signature, signature);
}

void TestSigning::shouldVerifyWhatItSigns()
{
    const auto publicKey = PublicKey::fromHex(m_signer.keyId().toLatin1());
    QVERIFY(publicKey);
    const QByteArray message = "the signature base";
    QVERIFY(publicKey->verify(message, m_signer.key().sign(message)));
}

void TestSigning::shouldRejectTamperedSignatures()
{
    const auto publicKey = PublicKey::fromHex(m_signer.keyId().toLatin1());
    QVERIFY(publicKey);
    const QByteArray message = "the signature base";
    QByteArray signature = m_signer.key().sign(message);
    QVERIFY(!publicKey->verify(message + 'x', signature));
    signature[5] = char(signature[5] ^ 0x01);
    QVERIFY(!publicKey->verify(message, signature));
    QVERIFY(!publicKey->verify(message, signature.left(63)));
    const PrivateKey other = PrivateKey::generate();
    QVERIFY(!publicKey->verify(message, other.sign(message)));
}

void TestSigning::shouldReadOpenSshPublicKeyLines()
{
    const QByteArray line = m_signer.key().publicKeyOpenSsh(QStringLiteral("test@example"));
    QVERIFY(line.startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"));
    QVERIFY(line.endsWith(" test@example"));
    const auto parsed = PublicKey::fromOpenSshLine(line);
    QVERIFY(parsed);
    QCOMPARE(parsed->hex(), EncordTest::rfc8032PublicKeyHex());

    QVERIFY(!PublicKey::fromOpenSshLine("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC"));
    QVERIFY(!PublicKey::fromOpenSshLine("ssh-ed25519 not-base64!!"));
    QVERIFY(!PublicKey::fromHex("d75a98"));
}

void TestSigning::shouldSignWithFreshV2Timestamp()
{
    HttpRequest request;
    request.method = "GET";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:1/v2/public/projects/abc"));
    request.signing = RequestSigning::V2;
    m_signer.sign(request);
    m_signer.sign(request); // a retry replaces, never duplicates, the headers

    int signatureHeaders = 0;
    QByteArray input;
    for (const auto &[name, value] : request.headers) {
        if (name == "Signature-Input") {
            ++signatureHeaders;
            input = value;
        }
    }
    QCOMPARE(signatureHeaders, 1);
    const qsizetype start = input.indexOf("created=") + 8;
    const qint64 created = input.mid(start, input.indexOf(';', start) - start).toLongLong();
    const qint64 expected = QDateTime::currentSecsSinceEpoch() - 30;
    QVERIFY2(qAbs(created - expected) <= 2, input.constData());
}

void TestSigning::shouldKeepTheRequestTargetAsEncoded()
{
    QUrl url(QStringLiteral("http://h/v2/public/storage/search/items"));
    url.setQuery(QStringLiteral("search=a+b%3Ac%2Bd&itemTypes=image&itemTypes=video"),
                 QUrl::StrictMode);
    QCOMPARE(RequestSigner::requestTarget(url),
             QByteArray("/v2/public/storage/search/items?search=a+b%3Ac%2Bd&itemTypes=image"
                        "&itemTypes=video"));
}

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
