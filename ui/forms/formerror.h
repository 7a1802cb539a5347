#pragma once

class QLabel;

namespace Encord {

class ApiError;

/// How forms show a failed request: a sentence in the form's error line, in the error colour,
/// hidden until there is something to say.
namespace FormError {

/// Gives @p label the error look and hides it.
void style(QLabel *label);
/// Shows @p error's sentence (with the server's own words) in @p label.
void show(QLabel *label, const ApiError &error);

} // namespace FormError

} // namespace Encord
