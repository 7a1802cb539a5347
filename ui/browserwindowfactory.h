#pragma once

#include "mainwindow.h"

#include <memory>

namespace Encord {

/// Builds the main window with every browser section in place.
class BrowserWindowFactory
{
public:
    static std::unique_ptr<MainWindow> create();
};

} // namespace Encord
