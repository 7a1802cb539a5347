#include "canceltoken.h"

namespace Encord {

CancelToken::CancelToken()
    : m_state(std::make_shared<CancelState>())
{ }

void CancelToken::cancel() const
{
    m_state->cancel();
}

bool CancelToken::isCancelled() const
{
    return m_state->isCancelled();
}

void CancelState::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    Q_EMIT cancelled();
}

} // namespace Encord
