#include "cvatrle.h"

#include <charconv>

namespace Encord::Cvat {

std::optional<QList<quint32>> CvatRle::parse(QByteArrayView text)
{
    QList<quint32> runs;
    runs.reserve(text.count(',') + 1);
    while (!text.isEmpty()) {
        const qsizetype comma = text.indexOf(',');
        const QByteArrayView part = (comma < 0 ? text : text.first(comma)).trimmed();
        text = comma < 0 ? QByteArrayView() : text.sliced(comma + 1);
        if (part.isEmpty())
            continue;
        quint32 value = 0;
        const char *end = part.data() + part.size();
        const auto [stop, error] = std::from_chars(part.data(), end, value);
        if (error != std::errc() || stop != end)
            return std::nullopt;
        runs.append(value);
    }
    return runs;
}

CvatRle::Fit CvatRle::fit(const QList<quint32> &runs, int width, int height)
{
    const quint64 area = width > 0 && height > 0 ? quint64(width) * quint64(height) : 0;
    quint64 sum = 0;
    for (quint32 run : runs)
        sum += run;
    if (sum == area)
        return Fit::Exact;
    return sum < area ? Fit::Short : Fit::Long;
}

QByteArray CvatRle::decode(const QList<quint32> &runs, int width, int height)
{
    if (width <= 0 || height <= 0 || fit(runs, width, height) == Fit::Long)
        return {};
    QByteArray pixels(qsizetype(width) * height, '\0');
    qsizetype position = 0;
    bool set = false;
    for (quint32 run : runs) {
        if (set)
            std::fill_n(pixels.begin() + position, run, '\1');
        position += run;
        set = !set;
    }
    return pixels;
}

QList<quint32> CvatRle::encode(const QByteArray &pixels)
{
    QList<quint32> runs;
    bool set = false;
    quint32 run = 0;
    for (char pixel : pixels) {
        if ((pixel != 0) != set) {
            runs.append(run);
            run = 0;
            set = !set;
        }
        ++run;
    }
    runs.append(run);
    return runs;
}

} // namespace Encord::Cvat
