// JsonArrayScanner hands over the elements of a listing's array one by one, so that a large
// answer is decoded without its whole JSON tree; anything not shaped like that is refused, and
// the caller falls back to the whole-document parser for the error message.

#include "http/jsonarrayscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Encord;

class TestJsonArrayScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHandOverEachElementOfTheKeyedArray();
    void shouldReadABareArray();
    void shouldRefuseTextOfAnotherShape_data();
    void shouldRefuseTextOfAnotherShape();
    void shouldStopWhenTheCallerSaysSo();
    void shouldMatchTheWholeDocumentParserOnALargeListing();
};

namespace {

QList<QByteArray> collect(QByteArrayView text, QByteArrayView key, bool *ok = nullptr)
{
    QList<QByteArray> out;
    const bool shaped = JsonArrayScanner::forEachElement(text, key, [&](QByteArrayView element) {
        out.append(element.toByteArray());
        return true;
    });
    if (ok)
        *ok = shaped;
    return out;
}

} // namespace

void TestJsonArrayScanner::shouldHandOverEachElementOfTheKeyedArray()
{
    // Other keys before and after, holding brackets and quotes inside strings and nesting.
    const QByteArray text = R"( {"before": {"a": "]}[{", "b": [1, {"c": "\"]"}]},
        "result" : [ {"title": "one ] \" {"}, {"nested": [[], {}], "n": -1.5e3}, 7, "s", null ],
        "after": "x"} )";
    bool ok = false;
    const QList<QByteArray> elements = collect(text, "result", &ok);
    QVERIFY(ok);
    QCOMPARE(elements.size(), 5);
    QCOMPARE(elements.at(0), QByteArray(R"({"title": "one ] \" {"})"));
    QCOMPARE(elements.at(1), QByteArray(R"({"nested": [[], {}], "n": -1.5e3})"));
    QCOMPARE(elements.at(2), QByteArray("7"));
    QCOMPARE(elements.at(3), QByteArray(R"("s")"));
    QCOMPARE(elements.at(4), QByteArray("null"));
    QCOMPARE(QJsonDocument::fromJson(elements.at(0)).object().value(u"title").toString(),
             QStringLiteral("one ] \" {"));

    QVERIFY(collect(R"({"result": []})", "result", &ok).isEmpty());
    QVERIFY(ok);
}

void TestJsonArrayScanner::shouldReadABareArray()
{
    bool ok = false;
    const QList<QByteArray> elements = collect(R"([{"a":1},{"b":[2]}])", {}, &ok);
    QVERIFY(ok);
    QCOMPARE(elements, (QList<QByteArray>{R"({"a":1})", R"({"b":[2]})"}));
}

void TestJsonArrayScanner::shouldRefuseTextOfAnotherShape_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no such key") << QByteArray(R"({"results": [1]})");
    QTest::newRow("key holds an object") << QByteArray(R"({"result": {"a": 1}})");
    QTest::newRow("unclosed array") << QByteArray(R"({"result": [{"a": 1}, {"b": 2})");
    QTest::newRow("unclosed string") << QByteArray(R"({"result": [{"a": "x}]})");
    QTest::newRow("mismatched brackets") << QByteArray(R"({"result": [{"a": [1}]]})");
    QTest::newRow("missing comma") << QByteArray(R"({"result": [{"a": 1} {"b": 2}]})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"result": []} x)");
    QTest::newRow("raw control character") << QByteArray("{\"result\": [\"a\nb\"]}");
    QTest::newRow("a truncated answer") << QByteArray(R"({"result": [{"title": "da)");
}

void TestJsonArrayScanner::shouldRefuseTextOfAnotherShape()
{
    QFETCH(QByteArray, text);
    bool ok = true;
    collect(text, "result", &ok);
    QVERIFY(!ok);
}

void TestJsonArrayScanner::shouldStopWhenTheCallerSaysSo()
{
    int seen = 0;
    const bool ok = JsonArrayScanner::forEachElement(
        R"({"result": [1, 2, 3]})", "result", [&](QByteArrayView) { return ++seen < 2; });
    QVERIFY(!ok);
    QCOMPARE(seen, 2);
}

void TestJsonArrayScanner::shouldMatchTheWholeDocumentParserOnALargeListing()
{
    QJsonArray listing;
    for (int i = 0; i < 3000; ++i) {
        listing.append(
            QJsonObject{{QStringLiteral("title"), QStringLiteral("dataset \"%1\"").arg(i)},
                        {QStringLiteral("tags"), QJsonArray{i, QStringLiteral("]")}},
                        {QStringLiteral("empty"), QJsonObject{}}});
    }
    const QByteArray text = QJsonDocument(QJsonObject{{QStringLiteral("result"), listing}})
                                .toJson(QJsonDocument::Indented);
    QJsonArray scanned;
    QVERIFY(JsonArrayScanner::forEachElement(text, "result", [&](QByteArrayView element) {
        scanned.append(QJsonDocument::fromJson(element.toByteArray()).object());
        return true;
    }));
    QCOMPARE(scanned, listing);
}

QTEST_GUILESS_MAIN(TestJsonArrayScanner)
#include "tst_jsonarrayscanner.moc"
