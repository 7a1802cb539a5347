#include "requestgeneration.h"

namespace Encord {

quint64 RequestGeneration::advance()
{
    // Count first: cancelling may finish a request synchronously, and its answer must already
    // look stale. Then a fresh token, since cancelling is one-way.
    ++m_generation;
    const CancelToken previous = m_token;
    m_token = CancelToken();
    previous.cancel();
    return m_generation;
}

} // namespace Encord
