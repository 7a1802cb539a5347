#pragma once

#include <QObject>

#include <memory>

namespace Encord {

class CancelState;

/// A copyable handle that lets the owner of a request abort it. Every copy shares one state:
/// cancel() on any copy aborts the in-flight reply and any pending retry sleep of every call
/// that received a copy. A default-constructed token is valid and simply never cancelled
/// unless cancel() is called on it.
class CancelToken
{
public:
    CancelToken();

    void cancel() const;
    bool isCancelled() const;

    /// The QObject whose cancelled() signal fires once, on the first cancel().
    CancelState *state() const { return m_state.get(); }

private:
    std::shared_ptr<CancelState> m_state;
};

/// Shared state behind CancelToken; a QObject so that replies can connect to it.
class CancelState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancelState)

public:
    CancelState() = default;
    bool isCancelled() const { return m_cancelled; }
    void cancel();

Q_SIGNALS:
    void cancelled();

private:
    bool m_cancelled = false;
};

} // namespace Encord
