// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"
#include "fleet/fleetview.h"
#include "session/screenroute.h"

#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QQuickPaintedItem>
#include <QtQmlIntegration>

#include <memory>

namespace Flotilla
{
class ScreenLink;

/// A running machine's screen, drawn in a Qt Quick item that can sit in the
/// machine's page or in a window of its own. The node's session finds the
/// way to the display (ScreenRoutes); a ScreenLink speaks VNC over it.
///
/// A click grabs the keyboard: every key then goes to the machine, the
/// window's shortcuts too, until Ctrl+Alt (both left keys) lets go. The
/// pointer goes to the machine whenever it is over the screen.
class MachineScreen : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet MEMBER m_view NOTIFY fleetChanged REQUIRED)
    Q_PROPERTY(QString nodeId MEMBER m_nodeId NOTIFY machineChanged)
    Q_PROPERTY(QString uuid MEMBER m_uuid NOTIFY machineChanged)
    /// Connected while true (the page shows it and the machine runs).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /// What the person is told: how it is connected, or why not.
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QSize screenSize READ screenSize NOTIFY screenSizeChanged)
    /// Scaled to the item (keeping its shape), or 1:1 at its own size.
    Q_PROPERTY(bool fitToSize READ fitToSize WRITE setFitToSize NOTIFY fitToSizeChanged)
    Q_PROPERTY(bool grabbed READ grabbed NOTIFY grabbedChanged)
    Q_PROPERTY(QString releaseKeys READ releaseKeys CONSTANT)
    Q_PROPERTY(QStringList combinations READ combinations CONSTANT)

public:
    enum State { Idle, Connecting, Connected, Ended };
    Q_ENUM(State)

    explicit MachineScreen(QQuickItem *parent = nullptr);
    ~MachineScreen() override;

    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] QSize screenSize() const { return m_size; }
    [[nodiscard]] bool fitToSize() const { return m_fit; }
    void setFitToSize(bool fit);
    [[nodiscard]] bool grabbed() const { return m_grabbed; }
    [[nodiscard]] static QString releaseKeys();
    [[nodiscard]] static QStringList combinations();
    /// The screen as last received; null before the first.
    [[nodiscard]] QImage frame() const;
    /// How many times the screen changed since it connected (for tests).
    [[nodiscard]] quint64 updates() const { return m_updates; }

    /// Connects again (a new way to the display is asked for).
    Q_INVOKABLE void reconnect();
    /// Presses and releases a combination Send Key offers ("Ctrl+Alt+Del").
    Q_INVOKABLE void sendCombination(const QString &name);
    /// Types @p text as keys, one character after another (a US keyboard
    /// layout on the machine, QEMU's own default, is assumed for Shift).
    Q_INVOKABLE void typeText(const QString &text);
    /// Types the clipboard's text.
    Q_INVOKABLE void typeClipboard();
    /// Saves the screen as a picture; an empty string, or what went wrong.
    Q_INVOKABLE QString saveScreenshot(const QUrl &file) const;
    /// Lets go of the keyboard, as Ctrl+Alt does.
    Q_INVOKABLE void release();

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void fleetChanged();
    void machineChanged();
    void activeChanged();
    void stateChanged();
    void screenSizeChanged();
    void fitToSizeChanged();
    void grabbedChanged();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void onScreenOpened(quint64 screenId, const ScreenRoute &route, const Error &error);
    /// Starts the tunnel's program with one end of a socket pair as its input and output; the other end, or -1.
    int startTunnel(const ScreenRoute &route);
    void follow(ScreenLink *link, const QString &how);
    void disconnectScreen();
    void setState(State state, const QString &status);
    void setGrabbed(bool grabbed);
    /// Where the screen is drawn within the item.
    [[nodiscard]] QRectF screenArea() const;
    void sendPointer(QPointF at, Qt::MouseButtons buttons, int wheel = 0);
    void pressKey(quint32 keysym);
    /// Releases on the machine every key still held here.
    void releaseHeldKeys();

    QPointer<FleetView> m_view;
    QString m_nodeId;
    QString m_uuid;
    bool m_active = false;
    State m_state = Idle;
    QString m_status;
    QSize m_size;
    bool m_fit = true;
    bool m_grabbed = false;
    quint64 m_screenId = 0; ///< the way asked for, not yet answered
    std::unique_ptr<ScreenLink> m_link;
    std::unique_ptr<QProcess> m_tunnel;
    QHash<quint32, quint32> m_held; ///< keys down here: the keysym each sent, by the key's code
    quint64 m_updates = 0;
};

} // namespace Flotilla
