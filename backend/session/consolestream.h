// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>

#include <functional>
#include <memory>

typedef struct _virConnect *virConnectPtr;

namespace Flotilla
{

/// A machine's serial console: a non-blocking libvirt stream from
/// virDomainOpenConsole. What the machine writes arrives on libvirt's event
/// thread (see Libvirt's event loop) and is handed to @p output there, as
/// it comes; what the person types is sent from the thread that owns the
/// stream (the node's session). The console ends when the machine or the
/// connection does, or when the stream is destroyed.
class ConsoleStream
{
public:
    using Output = std::function<void(const QByteArray &bytes)>;
    using Ended = std::function<void(const Error &why)>;

    /// Opens the first console of the machine with @p uuid, taking it over
    /// from any other client (as virsh console --force does).
    [[nodiscard]] static Result<std::unique_ptr<ConsoleStream>> open(
        virConnectPtr connection, const QString &uuid, Output output, Ended ended);
    ~ConsoleStream();
    ConsoleStream(const ConsoleStream &) = delete;
    ConsoleStream &operator=(const ConsoleStream &) = delete;

    /// Sends @p bytes to the machine; what the stream cannot take now is
    /// kept and sent when it can.
    [[nodiscard]] Result<bool> send(const QByteArray &bytes);

    struct State; ///< found by libvirt's callback through a registry, which may run while this object goes
private:
    explicit ConsoleStream(std::shared_ptr<State> state);
    std::shared_ptr<State> m_state;
};

} // namespace Flotilla
