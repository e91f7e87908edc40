// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSocketNotifier;
class QTermWidget;

namespace Flotilla
{
class Fleet;

/// A machine's serial console in a window of its own: a real terminal
/// (QTermWidget: colours, cursor movement, scrollback, copy and paste)
/// fed by the console stream the node's session holds (Fleet::openConsole).
/// It reconnects by itself when the node comes back, and on Reconnect.
class ConsoleWindow : public QWidget
{
    Q_OBJECT

public:
    ConsoleWindow(Fleet *fleet, QString nodeId, QString uuid, const QString &name, QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    /// What the status line says: connected, or why not.
    [[nodiscard]] QString status() const;
    /// Everything the machine has written since the window opened (its last MiB).
    [[nodiscard]] QByteArray received() const { return m_received; }
    /// What the terminal has taken in of it (its last MiB), as text.
    [[nodiscard]] QString shown() const { return m_shown; }
    /// Sends @p bytes as if typed.
    void type(const QByteArray &bytes);

public Q_SLOTS:
    void reconnect();

Q_SIGNALS:
    void statusChanged();
    void receivedChanged();
    void shownChanged();
    /// The person asked for the machine's screen instead.
    void screenWanted();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onOpened(quint64 consoleId, const Error &error);
    void onOutput(quint64 consoleId, const QByteArray &bytes);
    void onEnded(quint64 consoleId, const Error &why);
    void setStatus(const QString &text, bool canReconnect);
    /// Writes what waits into the terminal, as far as it takes it now.
    void showMore();
    void closeConsole();

    QPointer<Fleet> m_fleet;
    QString m_nodeId;
    QString m_uuid;
    QString m_name;
    quint64 m_console = 0; ///< the open (or opening) console, or 0
    bool m_ended = true;
    QTermWidget *m_terminal;
    QLabel *m_status;
    QPushButton *m_reconnect;
    QPushButton *m_screen;
    QByteArray m_received;
    QByteArray m_unshown; ///< received, not yet taken by the terminal's pty
    QSocketNotifier *m_ptyWritable = nullptr;
    bool m_nodeWasLost = false; ///< the console ended with its node: it opens again when the node is back
    QString m_shown;
    static constexpr qsizetype mostKept = 1 << 20; ///< received() keeps the last MiB
};

} // namespace Flotilla
