#pragma once

#include "aboutinfo.h"

namespace Encord {

/// Collects Help → About's facts from the libraries the program runs with: the versions are
/// asked of the loaded libraries at run time (what a bug report needs), not of the headers.
class AboutInformation final
{
public:
    AboutInformation() = delete;

    static AboutInfo collect();
};

} // namespace Encord
