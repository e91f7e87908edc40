// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machinescreen.h"

#include "fleet/fleet.h"
#include "keysyms.h"
#include "screenlink.h"

#include <KLocalizedString>

#include <QClipboard>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>

#include <rfb/keysym.h>

#include <sys/socket.h>
#include <unistd.h>

namespace Flotilla
{

namespace
{

/// Characters a US keyboard types with Shift.
bool needsShift(char32_t character)
{
    static const QString shifted = QStringLiteral("~!@#$%^&*()_+{}|:\"<>?");
    return (character >= U'A' && character <= U'Z') || (character < 0x80 && shifted.contains(QChar(character)));
}

} // namespace

MachineScreen::MachineScreen(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton | Qt::MiddleButton | Qt::RightButton);
    setAcceptHoverEvents(true);
    setFlag(ItemIsFocusScope, false);
    setActiveFocusOnTab(false);
    connect(this, &MachineScreen::fleetChanged, this, [this] {
        if (m_view) {
            connect(m_view->fleet(), &Fleet::screenOpened, this, &MachineScreen::onScreenOpened, Qt::UniqueConnection);
        }
        reconnect();
    });
    connect(this, &MachineScreen::machineChanged, this, &MachineScreen::reconnect);
}

MachineScreen::~MachineScreen() = default;

QString MachineScreen::releaseKeys()
{
    return i18nc("@info keys that let go of the keyboard", "Ctrl+Alt");
}

QStringList MachineScreen::combinations()
{
    return Keysyms::combinations();
}

void MachineScreen::setActive(bool active)
{
    if (m_active == active) {
        return;
    }
    m_active = active;
    Q_EMIT activeChanged();
    reconnect();
}

void MachineScreen::setFitToSize(bool fit)
{
    if (m_fit == fit) {
        return;
    }
    m_fit = fit;
    setImplicitSize(fit ? 0 : m_size.width(), fit ? 0 : m_size.height());
    Q_EMIT fitToSizeChanged();
    update();
}

QImage MachineScreen::frame() const
{
    return m_link ? m_link->frame() : QImage();
}

void MachineScreen::reconnect()
{
    disconnectScreen();
    if (!m_active || !m_view || m_nodeId.isEmpty() || m_uuid.isEmpty()) {
        setState(Idle, {});
        return;
    }
    m_screenId = m_view->fleet()->openScreen(m_nodeId, m_uuid);
    setState(Connecting, i18nc("@info:status", "Looking for the machine's screen…"));
}

void MachineScreen::disconnectScreen()
{
    setGrabbed(false);
    m_held.clear();
    m_screenId = 0;
    m_link.reset();
    if (m_tunnel) {
        m_tunnel->disconnect(this);
        m_tunnel->kill(); // the tunnel's ssh: ours, started for this screen
        m_tunnel->waitForFinished(1000);
        m_tunnel.reset();
    }
}

void MachineScreen::onScreenOpened(quint64 screenId, const ScreenRoute &route, const Error &error)
{
    if (screenId != m_screenId || screenId == 0) {
        return; // an earlier ask, or another screen's: its socket closes with the route
    }
    m_screenId = 0;
    if (!error.isEmpty()) {
        setState(Ended, error.text());
        return;
    }
    switch (route.kind) {
    case ScreenRoute::Kind::Socket:
        follow(new ScreenLink(route.socket->take(), route.password), route.description);
        break;
    case ScreenRoute::Kind::Address:
        follow(new ScreenLink(route.host, route.port, route.password), route.description);
        break;
    case ScreenRoute::Kind::Tunnel:
        if (const int socket = startTunnel(route); socket >= 0) {
            follow(new ScreenLink(socket, route.password), route.description);
        }
        break;
    }
}

int MachineScreen::startTunnel(const ScreenRoute &route)
{
    int ends[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        setState(Ended,
            i18nc("@info", "Could not make a socket for the tunnel: %1", QString::fromLocal8Bit(strerror(errno))));
        return -1;
    }
    m_tunnel = std::make_unique<QProcess>();
    m_tunnel->setProgram(route.program);
    m_tunnel->setArguments(route.arguments);
    m_tunnel->setStandardInputFile(QProcess::nullDevice());
    m_tunnel->setStandardOutputFile(QProcess::nullDevice());
    const int theirs = ends[1];
    // The tunnel's input and output are its end of the pair (dup2 clears close-on-exec).
    m_tunnel->setChildProcessModifier([theirs] {
        ::dup2(theirs, STDIN_FILENO);
        ::dup2(theirs, STDOUT_FILENO);
    });
    connect(m_tunnel.get(), &QProcess::finished, this, [this] {
        const QString said = QString::fromLocal8Bit(m_tunnel->readAllStandardError()).trimmed();
        if (m_state != Ended) {
            setState(Ended,
                i18nc("@info", "The tunnel to the node closed: %1",
                    said.isEmpty() ? i18nc("@info", "without a word") : said));
        }
    });
    m_tunnel->start();
    ::close(theirs);
    if (!m_tunnel->waitForStarted(5000)) {
        setState(Ended,
            i18nc(
                "@info", "Could not start %1 for the tunnel to the node: %2", route.program, m_tunnel->errorString()));
        ::close(ends[0]);
        return -1;
    }
    return ends[0];
}

void MachineScreen::follow(ScreenLink *link, const QString &how)
{
    m_link.reset(link);
    connect(link, &ScreenLink::connected, this,
        [this, how] { setState(Connected, i18nc("@info:status", "Connected %1.", how)); });
    connect(link, &ScreenLink::updated, this, [this] {
        ++m_updates;
        const QSize size = m_link ? m_link->frame().size() : QSize();
        if (size != m_size) {
            m_size = size;
            if (!m_fit) {
                setImplicitSize(size.width(), size.height());
            }
            Q_EMIT screenSizeChanged();
        }
        update();
    });
    connect(link, &ScreenLink::ended, this, [this](const Error &why) {
        setGrabbed(false);
        setState(Ended, why.text());
    });
    setState(Connecting, i18nc("@info:status", "Connecting %1…", how));
}

void MachineScreen::setState(State state, const QString &status)
{
    if (m_state == state && m_status == status) {
        return;
    }
    m_state = state;
    m_status = status;
    Q_EMIT stateChanged();
}

void MachineScreen::setGrabbed(bool grabbed)
{
    if (m_grabbed == grabbed) {
        return;
    }
    if (!grabbed) {
        releaseHeldKeys();
    }
    m_grabbed = grabbed;
    Q_EMIT grabbedChanged();
}

void MachineScreen::release()
{
    setGrabbed(false);
    setFocus(false);
}

QRectF MachineScreen::screenArea() const
{
    if (m_size.isEmpty()) {
        return {};
    }
    if (!m_fit) {
        return QRectF(QPointF(0, 0), m_size);
    }
    const qreal scale = std::min(width() / m_size.width(), height() / m_size.height());
    const QSizeF shown = QSizeF(m_size) * scale;
    return QRectF(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
}

void MachineScreen::paint(QPainter *painter)
{
    const QImage shown = frame();
    if (shown.isNull()) {
        return;
    }
    painter->fillRect(boundingRect(), Qt::black); // around the screen, as a monitor's edge
    painter->setRenderHint(QPainter::SmoothPixmapTransform, m_fit);
    painter->drawImage(screenArea(), shown);
}

void MachineScreen::pressKey(quint32 keysym)
{
    m_link->sendKey(keysym, true);
    m_link->sendKey(keysym, false);
}

void MachineScreen::sendCombination(const QString &name)
{
    const QList<quint32> keys = Keysyms::combination(name);
    if (!m_link || m_state != Connected || keys.isEmpty()) {
        return;
    }
    for (const quint32 key : keys) {
        m_link->sendKey(key, true);
    }
    for (auto key = keys.crbegin(); key != keys.crend(); ++key) {
        m_link->sendKey(*key, false);
    }
}

void MachineScreen::typeText(const QString &text)
{
    if (!m_link || m_state != Connected) {
        return;
    }
    for (const char32_t character : text.toUcs4()) {
        const quint32 keysym = Keysyms::forCharacter(character);
        if (keysym == 0) {
            continue;
        }
        const bool shift = needsShift(character);
        if (shift) {
            m_link->sendKey(XK_Shift_L, true);
        }
        pressKey(keysym);
        if (shift) {
            m_link->sendKey(XK_Shift_L, false);
        }
    }
}

void MachineScreen::typeClipboard()
{
    typeText(QGuiApplication::clipboard()->text());
}

QString MachineScreen::saveScreenshot(const QUrl &file) const
{
    const QImage shown = frame();
    if (shown.isNull()) {
        return i18nc("@info", "There is no screen to save yet.");
    }
    QImageWriter writer(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (writer.format().isEmpty()) {
        writer.setFormat("png");
    }
    if (!writer.write(shown.convertToFormat(QImage::Format_RGB32))) {
        return i18nc("@info", "Could not save the screen to %1: %2", writer.fileName(), writer.errorString());
    }
    return {};
}

bool MachineScreen::event(QEvent *event)
{
    // Grabbed, every key is the machine's: the window's shortcuts wait.
    if (event->type() == QEvent::ShortcutOverride && m_grabbed) {
        event->accept();
        return true;
    }
    return QQuickPaintedItem::event(event);
}

void MachineScreen::keyPressEvent(QKeyEvent *event)
{
    const quint32 keysym = Keysyms::of(*event);
    if (!m_link || m_state != Connected || keysym == 0) {
        QQuickPaintedItem::keyPressEvent(event);
        return;
    }
    event->accept();
    m_held.insert(event->nativeScanCode() != 0 ? event->nativeScanCode() : quint32(event->key()), keysym);
    m_link->sendKey(keysym, true);
    const auto held
        = [this](quint32 keysym) { return std::find(m_held.cbegin(), m_held.cend(), keysym) != m_held.cend(); };
    if (held(XK_Control_L) && held(XK_Alt_L)) {
        release();
    }
}

void MachineScreen::keyReleaseEvent(QKeyEvent *event)
{
    const quint32 code = event->nativeScanCode() != 0 ? event->nativeScanCode() : quint32(event->key());
    const auto held = m_held.constFind(code);
    if (!m_link || held == m_held.cend()) {
        QQuickPaintedItem::keyReleaseEvent(event);
        return;
    }
    event->accept();
    m_link->sendKey(*held, false);
    m_held.erase(held);
}

void MachineScreen::releaseHeldKeys()
{
    if (m_link) {
        for (const quint32 keysym : std::as_const(m_held)) {
            m_link->sendKey(keysym, false);
        }
    }
    m_held.clear();
}

void MachineScreen::sendPointer(QPointF at, Qt::MouseButtons buttons, int wheel)
{
    const QRectF area = screenArea();
    if (!m_link || m_state != Connected || area.isEmpty()) {
        return;
    }
    const QPointF inside = (at - area.topLeft()) * (m_size.width() / area.width());
    const QPoint pixel(
        std::clamp(int(inside.x()), 0, m_size.width() - 1), std::clamp(int(inside.y()), 0, m_size.height() - 1));
    int mask = (buttons & Qt::LeftButton ? 1 : 0) | (buttons & Qt::MiddleButton ? 2 : 0)
        | (buttons & Qt::RightButton ? 4 : 0);
    if (wheel != 0) {
        m_link->sendPointer(pixel, mask | wheel); // a wheel step is its button pressed and let go
    }
    m_link->sendPointer(pixel, mask);
}

void MachineScreen::mousePressEvent(QMouseEvent *event)
{
    if (!m_link || m_state != Connected) {
        event->ignore();
        return;
    }
    forceActiveFocus(Qt::MouseFocusReason);
    setGrabbed(true);
    sendPointer(event->position(), event->buttons());
}

void MachineScreen::mouseReleaseEvent(QMouseEvent *event)
{
    sendPointer(event->position(), event->buttons());
}

void MachineScreen::mouseMoveEvent(QMouseEvent *event)
{
    sendPointer(event->position(), event->buttons());
}

void MachineScreen::hoverMoveEvent(QHoverEvent *event)
{
    sendPointer(event->position(), Qt::NoButton);
}

void MachineScreen::wheelEvent(QWheelEvent *event)
{
    // Only while grabbed: else the wheel scrolls the page the screen is on.
    if (!m_grabbed || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    sendPointer(event->position(), event->buttons(), event->angleDelta().y() > 0 ? 8 : 16);
}

void MachineScreen::focusOutEvent(QFocusEvent *event)
{
    setGrabbed(false);
    QQuickPaintedItem::focusOutEvent(event);
}

} // namespace Flotilla
