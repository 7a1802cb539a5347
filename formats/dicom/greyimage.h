#pragma once

#include <cstdint>
#include <vector>

namespace Encord::Dicom {

/// An 8-bit greyscale image, rows top to bottom, no padding: what text detection reads and
/// what a preview shows. (QImage would pull Qt GUI into every worker process; the UI wraps
/// it with QImage(pixels.data(), width, height, width, QImage::Format_Grayscale8).)
struct GreyImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    GreyImage() = default;
    GreyImage(int w, int h, std::uint8_t fill = 0)
        : width(w)
        , height(h)
        , pixels(std::size_t(w) * std::size_t(h), fill)
    { }

    bool isNull() const { return width <= 0 || height <= 0; }
    std::uint8_t *row(int y) { return pixels.data() + std::size_t(y) * std::size_t(width); }
    const std::uint8_t *row(int y) const
    {
        return pixels.data() + std::size_t(y) * std::size_t(width);
    }
};

} // namespace Encord::Dicom
