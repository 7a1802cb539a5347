#pragma once

#include "core/result.h"
#include "records/ontologystructure.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Encord {

/// Reads an ontology structure JSON file (spec §4.4) that a person chose to import, checking
/// everything the SDK needs to open it, so that nothing unreadable reaches a server.
///
/// Accepted: the structure itself ({"objects": …, "classifications": …}), or an ontology object
/// that carries it under "editor" (what getOntology returns). Problems are described with the
/// place they occur, e.g. `objects[1] "car": the shape "hexagon" is not a shape of the format`.
class OntologyStructureReader
{
public:
    /// The structure, or a message for a person: one sentence, then the first problems found
    /// (at most ten), one per line.
    static Result<OntologyStructure, QString> read(const QByteArray &json);
    /// read() of a file's contents; a file that cannot be opened is explained too.
    static Result<OntologyStructure, QString> readFile(const QString &path);

    /// Every problem of an already parsed structure object, in document order.
    static QStringList problems(const QJsonObject &structure);
};

} // namespace Encord
