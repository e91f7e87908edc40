// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPoint>

#include <atomic>
#include <cstdint>
#include <deque>
#include <thread>

typedef struct _rfbClient rfbClient;

namespace Flotilla
{

/// A VNC connection to a machine's display, spoken by libvncclient (the
/// library KDE's KRDC uses) on a thread of its own, as its calls block.
/// The screen it receives is kept here for the UI to draw; keys and the
/// pointer wait in a queue the thread sends from, woken at once.
class ScreenLink : public QObject
{
    Q_OBJECT

public:
    /// Talks VNC over @p socket, connected to the display; the link closes it.
    ScreenLink(int socket, QString password, QObject *parent = nullptr);
    /// Connects to @p host:@p port first (given up after 15 s).
    ScreenLink(QString host, int port, QString password, QObject *parent = nullptr);
    /// Ends the connection; never waits on the display, whatever it does.
    ~ScreenLink() override;
    ScreenLink(const ScreenLink &) = delete;
    ScreenLink &operator=(const ScreenLink &) = delete;

    /// The screen as last received (a shared copy: cheap).
    [[nodiscard]] QImage frame() const;
    /// X keysym @p keysym pressed or released.
    void sendKey(quint32 keysym, bool down);
    /// The pointer at @p at (in the screen's pixels) with @p buttons held
    /// (VNC's mask: 1 left, 2 middle, 4 right, 8 and 16 the wheel).
    void sendPointer(QPoint at, int buttons);

Q_SIGNALS:
    /// The display let us in: @p name is what it calls itself.
    void connected(const QString &name);
    /// Part of the screen changed (or its size did).
    void updated();
    /// The connection ended, or never began; @p why says what happened.
    void ended(const Flotilla::Error &why);

private:
    struct Input {
        bool key = false;
        quint32 keysym = 0;
        bool down = false;
        QPoint at;
        int buttons = 0;
    };

    void start();
    void run();
    /// Connects m_host:m_port; -1 on failure, with m_failure set.
    int connectToAddress();
    /// Sends what waits in the queue; false if the connection broke.
    bool sendInput(rfbClient *client);
    void queue(const Input &input);

    // libvncclient's callbacks (it is C): they find the link through the client.
    static std::int8_t mallocFrameBuffer(rfbClient *client);
    static void gotUpdate(rfbClient *client, int x, int y, int width, int height);
    static void finishedUpdate(rfbClient *client);
    static char *password(rfbClient *client);

    int m_given = -1; ///< the socket handed in, if any
    std::atomic_int m_socket{-1}; ///< the link's own descriptor of the connection, to shut it down
    QString m_host;
    int m_port = -1;
    QByteArray m_password;
    int m_wake = -1; ///< an eventfd: input waits, or the link ends
    std::atomic_bool m_ending{false};
    QString m_failure; ///< on the link's thread: why the connection ended

    mutable QMutex m_lock; // guards what follows
    QImage m_frame;
    std::deque<Input> m_inputs;

    QImage m_received; ///< the link thread's own: where libvncclient writes
    QRect m_changed; ///< of m_received, since the last update handed over
    std::thread m_thread; // last: it runs on all the above
};

} // namespace Flotilla
