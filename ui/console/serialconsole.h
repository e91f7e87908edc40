// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Flotilla
{
class ConsoleWindow;

/// Opens machines' serial consoles from QML, one window per machine: a
/// second open() raises the window already there.
class SerialConsole : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet MEMBER m_view NOTIFY fleetChanged REQUIRED)

public:
    explicit SerialConsole(QObject *parent = nullptr);
    ~SerialConsole() override;

    Q_INVOKABLE void open(const QString &nodeId, const QString &uuid, const QString &name);
    /// The window of machine @p uuid, if one is open (for tests).
    [[nodiscard]] ConsoleWindow *window(const QString &uuid) const;

Q_SIGNALS:
    void fleetChanged();
    /// A console window's Screen button: the machine's screen is wanted instead.
    void screenWanted(const QString &nodeId, const QString &uuid, const QString &name);

private:
    QPointer<FleetView> m_view;
    QHash<QString, QPointer<ConsoleWindow>> m_windows; ///< by machine UUID
};

} // namespace Flotilla
