#pragma once

#include <QByteArrayView>

#include <functional>

namespace Encord {

/// Finds the elements of one array inside a JSON text without building the document: the
/// array under a top-level key of an object ({"result": […]}), or the document itself when it
/// is an array. Each element's text is handed over in order, to be parsed on its own. A
/// listing of 100,000 records parsed whole costs about four times its text in JSON tree;
/// this way only one element's tree exists at a time.
///
/// It checks the structure it walks through (strings, nesting, separators) but not scalar
/// spelling: the caller parses each element with QJsonDocument, which does.
class JsonArrayScanner
{
public:
    /// Calls @p element with the text of each element of the array under @p key (empty key:
    /// the document is the array). Returns false when the text does not have that shape or
    /// @p element returned false; elements already handed over stay handed over.
    static bool forEachElement(QByteArrayView document,
                               QByteArrayView key,
                               const std::function<bool(QByteArrayView)> &element);
};

} // namespace Encord
