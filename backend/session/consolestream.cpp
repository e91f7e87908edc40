// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/consolestream.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <QHash>
#include <QMutex>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <array>

namespace Flotilla
{

struct ConsoleStream::State {
    QMutex mutex; ///< the callback and the owner take turns
    Libvirt::Stream stream;
    Output output;
    Ended ended;
    QByteArray unsent; ///< typed, not yet taken by the stream
    bool over = false; ///< ended, or the owner is gone: the callback does nothing more
    quintptr id = 0; ///< in the registry of open consoles

    /// Called with the mutex held, maybe from within the callback, which
    /// is only silenced here: the owner removes it (~ConsoleStream).
    void end(const Error &why)
    {
        if (over) {
            return;
        }
        over = true;
        virStreamEventUpdateCallback(stream.get(), 0);
        virResetLastError();
        ended(why);
    }

    /// Sends what waits; true when all of it went. Called with the mutex held.
    bool flush()
    {
        while (!unsent.isEmpty()) {
            const int sent = virStreamSend(stream.get(), unsent.constData(), size_t(unsent.size()));
            if (sent == -2) {
                return false; // the stream is full: the callback sends the rest when it can
            }
            if (sent < 0) {
                end(Libvirt::lastError(i18nc("@info", "The console was lost")));
                return false;
            }
            unsent.remove(0, sent);
        }
        return true;
    }
};

namespace
{

constexpr int readable = VIR_STREAM_EVENT_READABLE;
constexpr int ending = VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP;

/// The open consoles, by a number that is the callback's opaque value. The
/// callback finds its state here, and none once the console is closing: no
/// memory is handed to libvirt, whose remote streams do not always give it
/// back (the free function given with a callback may never be called).
struct Registry {
    QMutex mutex;
    QHash<quintptr, std::weak_ptr<ConsoleStream::State>> states;
    quintptr last = 0;
};

Registry &registry()
{
    static Registry *const instance = new Registry; // callbacks may come until the process ends
    return *instance;
}

std::shared_ptr<ConsoleStream::State> stateOf(void *opaque)
{
    const QMutexLocker lock(&registry().mutex);
    return registry().states.value(reinterpret_cast<quintptr>(opaque)).lock();
}

/// On libvirt's event thread.
void onStreamEvent(virStreamPtr stream, int events, void *opaque)
{
    const std::shared_ptr<ConsoleStream::State> held = stateOf(opaque);
    if (!held) {
        return; // the console is closing
    }
    ConsoleStream::State *state = held.get();
    const QMutexLocker lock(&state->mutex);
    if (state->over) {
        return;
    }
    if (events & readable) {
        std::array<char, 4096> buffer{};
        for (;;) {
            const int got = virStreamRecv(stream, buffer.data(), buffer.size());
            if (got > 0) {
                state->output(QByteArray(buffer.data(), got));
                continue;
            }
            if (got == -2) {
                break; // nothing more for now
            }
            state->end(got == 0 ? Error{.message = i18nc("@info", "The machine's console closed")}
                                : Libvirt::lastError(i18nc("@info", "The console was lost")));
            return;
        }
    }
    if ((events & VIR_STREAM_EVENT_WRITABLE) && state->flush()) {
        virStreamEventUpdateCallback(stream, readable | ending);
    }
    if (events & ending) {
        state->end(Error{.message = i18nc("@info", "The machine's console closed")});
    }
}

} // namespace

Result<std::unique_ptr<ConsoleStream>> ConsoleStream::open(
    virConnectPtr connection, const QString &uuid, Output output, Ended ended)
{
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "Could not find the machine"));
    }
    auto state = std::make_shared<State>();
    state->stream.reset(virStreamNew(connection, VIR_STREAM_NONBLOCK));
    state->output = std::move(output);
    state->ended = std::move(ended);
    if (!state->stream) {
        return Libvirt::lastError(i18nc("@info", "Could not open the machine's console"));
    }
    if (virDomainOpenConsole(domain.get(), nullptr, state->stream.get(), VIR_DOMAIN_CONSOLE_FORCE) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not open the machine's console"));
    }
    {
        const QMutexLocker lock(&registry().mutex);
        state->id = ++registry().last;
        registry().states.insert(state->id, state);
    }
    if (virStreamEventAddCallback(
            state->stream.get(), readable | ending, onStreamEvent, reinterpret_cast<void *>(state->id), nullptr)
        < 0) {
        const Error error = Libvirt::lastError(i18nc("@info", "Could not open the machine's console"));
        virStreamAbort(state->stream.get());
        const QMutexLocker lock(&registry().mutex);
        registry().states.remove(state->id);
        return error;
    }
    return std::unique_ptr<ConsoleStream>(new ConsoleStream(state));
}

ConsoleStream::ConsoleStream(std::shared_ptr<State> state)
    : m_state(std::move(state))
{
}

ConsoleStream::~ConsoleStream()
{
    {
        const QMutexLocker lock(&registry().mutex);
        registry().states.remove(m_state->id);
    }
    const QMutexLocker lock(&m_state->mutex);
    m_state->over = true;
    // The stream itself goes with the state, when the last hold on it ends.
    virStreamEventRemoveCallback(m_state->stream.get());
    virStreamAbort(m_state->stream.get());
    virResetLastError();
}

Result<bool> ConsoleStream::send(const QByteArray &bytes)
{
    const QMutexLocker lock(&m_state->mutex);
    if (m_state->over) {
        return Error{.message = i18nc("@info", "The console is closed")};
    }
    m_state->unsent.append(bytes);
    if (!m_state->flush() && !m_state->over) {
        virStreamEventUpdateCallback(m_state->stream.get(), readable | ending | VIR_STREAM_EVENT_WRITABLE);
    }
    return true;
}

} // namespace Flotilla
