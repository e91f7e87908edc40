// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "serialconsole.h"

#include "consolewindow.h"

namespace Flotilla
{

SerialConsole::SerialConsole(QObject *parent)
    : QObject(parent)
{
}

SerialConsole::~SerialConsole()
{
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_windows)) {
        delete window.data(); // windows of their own: nothing else owns them
    }
}

void SerialConsole::open(const QString &nodeId, const QString &uuid, const QString &name)
{
    if (!m_view) {
        return;
    }
    QPointer<ConsoleWindow> &window = m_windows[uuid];
    if (!window) {
        window = new ConsoleWindow(m_view->fleet(), nodeId, uuid, name);
        connect(window, &ConsoleWindow::screenWanted, this,
            [this, nodeId, uuid, name] { Q_EMIT screenWanted(nodeId, uuid, name); });
    }
    window->show();
    window->raise();
    window->activateWindow();
}

ConsoleWindow *SerialConsole::window(const QString &uuid) const
{
    return m_windows.value(uuid);
}

} // namespace Flotilla
