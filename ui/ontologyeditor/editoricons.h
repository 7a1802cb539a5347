#pragma once

#include <QIcon>

namespace Encord {

/// Icons of the ontology editor's toolbar. Each comes from the desktop's icon theme when it has
/// one, and is otherwise drawn here (or taken from the style), so that no button is blank on a
/// desktop without a theme.
namespace EditorIcons {

QIcon add();
QIcon duplicate();
QIcon remove();
QIcon moveUp();
QIcon moveDown();
QIcon undo();
QIcon redo();
QIcon import();
QIcon exportFile();

} // namespace EditorIcons
} // namespace Encord
