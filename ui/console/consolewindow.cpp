// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "consolewindow.h"

#include "fleet/fleet.h"

#include <KLocalizedString>

#include <QCloseEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

// qtermwidget's headers use Qt's keywords, which our build turns off (QT_NO_KEYWORDS).
#define slots Q_SLOTS
#define signals Q_SIGNALS
#define emit Q_EMIT
#include <qtermwidget.h>
#undef emit
#undef signals
#undef slots

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace Flotilla
{

ConsoleWindow::ConsoleWindow(Fleet *fleet, QString nodeId, QString uuid, const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_nodeId(std::move(nodeId))
    , m_uuid(std::move(uuid))
    , m_name(name)
    , m_terminal(new QTermWidget(0, this)) // 0: no shell; the machine is the other end
    , m_status(new QLabel(this))
    , m_reconnect(
          new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "Reconnect"), this))
    , m_screen(
          new QPushButton(QIcon::fromTheme(QStringLiteral("video-display")), i18nc("@action:button", "Screen"), this))
{
    setWindowTitle(i18nc("@title:window machine name", "%1 — Serial Console", name));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(800, 500);
    m_terminal->setScrollBarPosition(QTermWidget::ScrollBarRight);
    m_terminal->setHistorySize(10000);
    // Light text on black, as a machine's console looks everywhere else.
    if (QTermWidget::availableColorSchemes().contains(QStringLiteral("Linux"))) {
        m_terminal->setColorScheme(QStringLiteral("Linux"));
    }
    m_terminal->setTerminalFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A terminal without a program: what it is given to show is written to
    // its pty's slave side, and what the person types comes out as sendData.
    m_terminal->startTerminalTeletype();
    if (const int fd = m_terminal->getPtySlaveFd(); fd >= 0) {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        m_ptyWritable = new QSocketNotifier(fd, QSocketNotifier::Write, this);
        m_ptyWritable->setEnabled(false);
        connect(m_ptyWritable, &QSocketNotifier::activated, this, &ConsoleWindow::showMore);
    }
    connect(
        m_terminal, &QTermWidget::sendData, this, [this](const char *data, int size) { type(QByteArray(data, size)); });
    connect(m_terminal, &QTermWidget::receivedData, this, [this](const QString &text) {
        m_shown.append(text);
        if (m_shown.size() > mostKept) {
            m_shown.remove(0, m_shown.size() - mostKept);
        }
        Q_EMIT shownChanged();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reconnect);
    bar->addWidget(m_screen);
    m_screen->setObjectName(QStringLiteral("consoleScreen"));
    m_screen->setToolTip(i18nc("@info:tooltip", "Show the machine's graphical screen instead"));
    connect(m_screen, &QPushButton::clicked, this, &ConsoleWindow::screenWanted);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_terminal, 1);
    layout->addLayout(bar);
    connect(m_reconnect, &QPushButton::clicked, this, &ConsoleWindow::reconnect);

    connect(fleet, &Fleet::consoleOpened, this, &ConsoleWindow::onOpened);
    connect(fleet, &Fleet::consoleOutput, this, &ConsoleWindow::onOutput);
    connect(fleet, &Fleet::consoleEnded, this, &ConsoleWindow::onEnded);
    // Back by itself once the node is: a console lost with the node opens again.
    connect(fleet, &Fleet::nodeChanged, this, [this](qsizetype index) {
        const Fleet::Node &node = m_fleet->nodes().at(index);
        if (node.entry.id == m_nodeId && m_ended && m_console == 0 && m_nodeWasLost
            && node.status.state == NodeState::Connected) {
            reconnect();
        }
    });
    reconnect();
}

ConsoleWindow::~ConsoleWindow()
{
    closeConsole();
}

QString ConsoleWindow::status() const
{
    return m_status->text();
}

void ConsoleWindow::reconnect()
{
    if (!m_fleet) {
        return;
    }
    closeConsole();
    m_ended = false;
    m_nodeWasLost = false;
    m_console = m_fleet->openConsole(m_nodeId, m_uuid);
    setStatus(i18nc("@info:status", "Connecting to the serial console of %1…", m_name), false);
}

void ConsoleWindow::closeConsole()
{
    if (m_fleet && m_console != 0) {
        m_fleet->closeConsole(m_console);
    }
    m_console = 0;
}

void ConsoleWindow::type(const QByteArray &bytes)
{
    if (m_fleet && m_console != 0 && !m_ended) {
        m_fleet->sendToConsole(m_console, bytes);
    }
}

void ConsoleWindow::onOpened(quint64 consoleId, const Error &error)
{
    if (consoleId != m_console) {
        return;
    }
    if (!error.isEmpty()) {
        m_console = 0;
        m_ended = true;
        const qsizetype index = m_fleet ? m_fleet->indexOf(m_nodeId) : -1;
        m_nodeWasLost = index >= 0 && m_fleet->nodes().at(index).status.state != NodeState::Connected;
        setStatus(i18nc("@info:status", "No console: %1", error.text()), true);
        return;
    }
    setStatus(i18nc("@info:status", "Connected to %1's serial console. Press Enter if nothing shows.", m_name), true);
}

void ConsoleWindow::onOutput(quint64 consoleId, const QByteArray &bytes)
{
    if (consoleId != m_console) {
        return;
    }
    m_received.append(bytes);
    if (m_received.size() > mostKept) {
        m_received.remove(0, m_received.size() - mostKept);
    }
    m_unshown.append(bytes);
    showMore();
    Q_EMIT receivedChanged();
}

void ConsoleWindow::showMore()
{
    // The pty's slave side is non-blocking: the terminal reads the other
    // side on this same thread, so a blocking write into a full pty (a
    // guest's burst) would wait for ever. What does not fit waits here.
    const int fd = m_terminal->getPtySlaveFd();
    while (fd >= 0 && !m_unshown.isEmpty()) {
        const ssize_t written = ::write(fd, m_unshown.constData(), size_t(m_unshown.size()));
        if (written > 0) {
            m_unshown.remove(0, written);
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else {
            break; // full (EAGAIN): the notifier calls again when there is room
        }
    }
    if (m_ptyWritable) {
        m_ptyWritable->setEnabled(!m_unshown.isEmpty());
    }
}

void ConsoleWindow::onEnded(quint64 consoleId, const Error &why)
{
    if (consoleId != m_console) {
        return;
    }
    m_console = 0;
    m_ended = true;
    // Back by itself only when the node went: a console another client took
    // over (virsh, a teammate) is not taken back without being asked.
    const qsizetype index = m_fleet ? m_fleet->indexOf(m_nodeId) : -1;
    m_nodeWasLost = index < 0 || m_fleet->nodes().at(index).status.state != NodeState::Connected;
    setStatus(i18nc("@info:status", "Disconnected: %1", why.text()), true);
}

void ConsoleWindow::setStatus(const QString &text, bool canReconnect)
{
    m_status->setText(text);
    m_reconnect->setEnabled(canReconnect);
    Q_EMIT statusChanged();
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    closeConsole();
    event->accept();
}

} // namespace Flotilla
