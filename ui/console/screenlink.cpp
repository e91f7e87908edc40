// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "screenlink.h"

#include <KLocalizedString>

#include <QLoggingCategory>
#include <QSysInfo>

#include <rfb/rfbclient.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netdb.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(FLOTILLA_SCREEN, "flotilla.screen", QtInfoMsg)

namespace Flotilla
{

namespace
{

/// What libvncclient said last on this thread: it reports its failures
/// only to its log, and a link's end names the reason.
thread_local QString lastSaid;

void logLine(const char *format, va_list arguments, bool error)
{
    char line[512];
    std::vsnprintf(line, sizeof line, format, arguments);
    const QString text = QString::fromLocal8Bit(line).trimmed();
    if (error) {
        lastSaid = text;
    }
    qCDebug(FLOTILLA_SCREEN).noquote() << "libvncclient:" << text;
}

void logInfo(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    logLine(format, arguments, false);
    va_end(arguments);
}

void logError(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    logLine(format, arguments, true);
    va_end(arguments);
}

/// A pixel's fourth byte at 255 (QImage::Format_RGBX8888, in memory R, G, B, X).
constexpr quint32 opaque = QSysInfo::ByteOrder == QSysInfo::LittleEndian ? 0xff000000u : 0x000000ffu;

/// The tag under which a client holds its link (rfbClientSetClientData).
int linkTag;

ScreenLink *linkOf(rfbClient *client)
{
    return static_cast<ScreenLink *>(rfbClientGetClientData(client, &linkTag));
}

} // namespace

ScreenLink::ScreenLink(int socket, QString password, QObject *parent)
    : QObject(parent)
    , m_given(socket)
    , m_password(password.toUtf8())
{
    start();
}

ScreenLink::ScreenLink(QString host, int port, QString password, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_password(password.toUtf8())
{
    start();
}

void ScreenLink::start()
{
    static std::once_flag logging;
    std::call_once(logging, [] {
        rfbClientLog = logInfo;
        rfbClientErr = logError;
    });
    m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_thread = std::thread([this] { run(); });
}

ScreenLink::~ScreenLink()
{
    m_ending = true;
    const quint64 one = 1;
    (void)::write(m_wake, &one, sizeof one);
    // A read stuck in the middle of a message ends here, whatever the display does.
    if (const int socket = m_socket.load(); socket >= 0) {
        ::shutdown(socket, SHUT_RDWR);
    }
    m_thread.join();
    if (const int socket = m_socket.load(); socket >= 0) {
        ::close(socket);
    }
    ::close(m_wake);
}

QImage ScreenLink::frame() const
{
    const QMutexLocker locker(&m_lock);
    return m_frame;
}

void ScreenLink::sendKey(quint32 keysym, bool down)
{
    queue(Input{.key = true, .keysym = keysym, .down = down});
}

void ScreenLink::sendPointer(QPoint at, int buttons)
{
    queue(Input{.at = at, .buttons = buttons});
}

void ScreenLink::queue(const Input &input)
{
    {
        const QMutexLocker locker(&m_lock);
        m_inputs.push_back(input);
    }
    const quint64 one = 1;
    (void)::write(m_wake, &one, sizeof one);
}

int ScreenLink::connectToAddress()
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (const int error
        = ::getaddrinfo(m_host.toUtf8().constData(), QByteArray::number(m_port).constData(), &hints, &found);
        error != 0) {
        m_failure = i18nc("@info", "%1 cannot be found: %2", m_host, QString::fromLocal8Bit(::gai_strerror(error)));
        return -1;
    }
    int socket = -1;
    int error = 0;
    for (addrinfo *address = found; address && socket < 0 && !m_ending; address = address->ai_next) {
        socket = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (socket < 0) {
            continue;
        }
        if (::connect(socket, address->ai_addr, address->ai_addrlen) < 0 && errno == EINPROGRESS) {
            pollfd waiting[2] = {{socket, POLLOUT, 0}, {m_wake, POLLIN, 0}};
            socklen_t length = sizeof error;
            error = ::poll(waiting, 2, 15000) == 1 && waiting[0].revents != 0
                    && ::getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length) == 0
                ? error
                : ETIMEDOUT;
        } else {
            error = errno;
        }
        if (error != 0) {
            ::close(std::exchange(socket, -1));
        }
    }
    ::freeaddrinfo(found);
    if (socket < 0) {
        m_failure
            = i18nc("@info", "Could not reach %1:%2: %3", m_host, m_port, QString::fromLocal8Bit(strerror(error)));
        return -1;
    }
    SetBlocking(socket);
    return socket;
}

void ScreenLink::run()
{
    const int socket = m_host.isEmpty() ? m_given : connectToAddress();
    if (socket < 0) {
        if (!m_ending) {
            Q_EMIT ended(Error{.message = m_failure});
        }
        return;
    }
    // libvncclient closes the socket when it is done, and the number may
    // then name another file: the destructor shuts the connection down
    // through a descriptor of its own, whenever it comes.
    m_socket = ::fcntl(socket, F_DUPFD_CLOEXEC, 0);
    if (m_ending) {
        ::close(socket);
        return;
    }
    rfbClient *client = rfbGetClient(8, 3, 4); // 32-bit pixels: red, green, blue bytes in order
    rfbClientSetClientData(client, &linkTag, this);
    client->MallocFrameBuffer = mallocFrameBuffer;
    client->GotFrameBufferUpdate = gotUpdate;
    client->FinishedFrameBufferUpdate = finishedUpdate;
    client->GetPassword = password;
    client->canHandleNewFBSize = 1;
    client->programName = "Flotilla";
    client->listenSpecified = 1; // connected already: libvncclient starts with the handshake
    client->sock = socket;
    lastSaid.clear();
    if (!rfbInitClient(client, nullptr, nullptr)) { // it cleans up (and closes the socket) itself
        if (!m_ending) {
            Q_EMIT ended(Error{.message = i18nc("@info", "The display did not let Flotilla in"), .details = lastSaid});
        }
        return;
    }
    Q_EMIT connected(QString::fromUtf8(client->desktopName));
    QString why;
    while (!m_ending) {
        pollfd waiting[2] = {{client->sock, POLLIN, 0}, {m_wake, POLLIN, 0}};
        // What libvncclient read ahead is handled before waiting for more.
        if (client->buffered == 0 && ::poll(waiting, 2, -1) < 0 && errno != EINTR) {
            why = QString::fromLocal8Bit(strerror(errno));
            break;
        }
        quint64 count = 0;
        (void)::read(m_wake, &count, sizeof count);
        if (!sendInput(client)) {
            why = lastSaid;
            break;
        }
        if ((client->buffered > 0 || waiting[0].revents != 0) && !m_ending && !HandleRFBServerMessage(client)) {
            why = lastSaid;
            break;
        }
    }
    rfbClientCleanup(client); // closes the socket
    if (!m_ending) {
        Q_EMIT ended(Error{.message = i18nc("@info", "The display closed the connection"), .details = why});
    }
}

bool ScreenLink::sendInput(rfbClient *client)
{
    std::deque<Input> inputs;
    {
        const QMutexLocker locker(&m_lock);
        inputs.swap(m_inputs);
    }
    for (const Input &input : inputs) {
        const bool sent = input.key ? SendKeyEvent(client, input.keysym, input.down ? 1 : 0)
                                    : SendPointerEvent(client, input.at.x(), input.at.y(), input.buttons);
        if (!sent) {
            return false;
        }
    }
    return true;
}

std::int8_t ScreenLink::mallocFrameBuffer(rfbClient *client)
{
    ScreenLink *link = linkOf(client);
    link->m_received = QImage(client->width, client->height, QImage::Format_RGBX8888);
    link->m_received.fill(Qt::black);
    client->frameBuffer = link->m_received.bits();
    link->m_changed = link->m_received.rect();
    {
        const QMutexLocker locker(&link->m_lock);
        link->m_frame = link->m_received.copy();
    }
    Q_EMIT link->updated();
    return 1;
}

void ScreenLink::gotUpdate(rfbClient *client, int x, int y, int width, int height)
{
    ScreenLink *link = linkOf(client);
    link->m_changed |= QRect(x, y, width, height);
}

void ScreenLink::finishedUpdate(rfbClient *client)
{
    ScreenLink *link = linkOf(client);
    const QRect changed = link->m_changed & link->m_received.rect();
    link->m_changed = {};
    if (changed.isEmpty()) {
        return;
    }
    {
        const QMutexLocker locker(&link->m_lock);
        // Only the pixels that changed; a frame the UI still holds is copied
        // first (QImage shares until written). VNC leaves a pixel's fourth
        // byte 0, and Qt takes the picture as opaque only with 255 there.
        for (int row = changed.top(); row <= changed.bottom(); ++row) {
            const auto *from = reinterpret_cast<const quint32 *>(link->m_received.constScanLine(row)) + changed.left();
            auto *to = reinterpret_cast<quint32 *>(link->m_frame.scanLine(row)) + changed.left();
            for (int x = 0; x < changed.width(); ++x) {
                to[x] = from[x] | opaque;
            }
        }
    }
    Q_EMIT link->updated();
}

char *ScreenLink::password(rfbClient *client)
{
    return ::strdup(linkOf(client)->m_password.constData()); // libvncclient frees it
}

} // namespace Flotilla
