#pragma once

#include "core/canceltoken.h"

#include <QtGlobal>

namespace Encord {

/// Tells a model's current answers from stale ones. Every reset starts a new generation: the
/// requests of the previous one are cancelled through their shared CancelToken, and an answer
/// that still arrives carries an old number and is dropped by isCurrent().
///
/// Answers arrive through QCoro::connect(task, model, callback), so a destroyed model is never
/// called back; the generation guards a living model against answers it no longer wants.
class RequestGeneration
{
public:
    /// Starts the next generation and cancels every request of the previous one. Models call it
    /// on reset and in their destructor (so that nothing they started outlives them).
    quint64 advance();

    quint64 current() const { return m_generation; }
    bool isCurrent(quint64 generation) const { return generation == m_generation; }

    /// The token to hand to every request of the current generation.
    CancelToken token() const { return m_token; }

private:
    quint64 m_generation = 0;
    CancelToken m_token;
};

} // namespace Encord
