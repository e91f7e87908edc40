// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "session/screenroute.h"

#include "libvirt/libvirthandles.h"

#include <KLocalizedString>

#include <QHostAddress>
#include <QUrlQuery>

#include <unistd.h>

namespace Flotilla
{

ScreenSocket::~ScreenSocket()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

namespace ScreenRoutes
{

namespace
{

/// @p text as one word of a POSIX shell command line.
QString shellWord(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

bool isLoopback(const QString &address)
{
    if (address.isEmpty() || address == QLatin1StringView("localhost")) {
        return true; // empty: the node's vnc_listen, 127.0.0.1 unless changed
    }
    return QHostAddress(address).isLoopback();
}

bool isAnyAddress(const QString &address)
{
    const QHostAddress host(address);
    return host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6;
}

QString option(const NodeUri::Parts &node, const QString &name)
{
    return QUrlQuery(node.query).queryItemValue(name, QUrl::FullyDecoded);
}

/// ssh to the node as libvirt's own ssh transport reaches it (the same
/// user, port and key), running netcat there to the display, as
/// virt-manager does. It never asks anything (BatchMode): a node that
/// wants a password for SSH cannot show its screens this way.
ScreenRoute tunnel(const NodeUri::Parts &node, const Graphics &display)
{
    QStringList arguments;
    if (node.port > 0) {
        arguments << QStringLiteral("-p") << QString::number(node.port);
    }
    if (!node.user.isEmpty()) {
        arguments << QStringLiteral("-l") << node.user;
    }
    if (const QString key = option(node, QStringLiteral("keyfile")); !key.isEmpty()) {
        arguments << QStringLiteral("-i") << key;
    }
    if (const QString known = option(node, QStringLiteral("known_hosts")); !known.isEmpty()) {
        arguments << QStringLiteral("-o") << QStringLiteral("UserKnownHostsFile=") + known;
    }
    arguments << QStringLiteral("-o") << QStringLiteral("BatchMode=yes") << QStringLiteral("-o")
              << QStringLiteral("ConnectTimeout=15") << QStringLiteral("-T") << QStringLiteral("-e")
              << QStringLiteral("none") << QStringLiteral("--") << node.host;
    const QString address
        = isLoopback(display.listen) || isAnyAddress(display.listen) ? QStringLiteral("127.0.0.1") : display.listen;
    arguments << (display.socket.isEmpty()
            ? QStringLiteral("nc %1 %2").arg(shellWord(address), QString::number(display.port))
            : QStringLiteral("nc -U %1").arg(shellWord(display.socket)));
    // command= names the ssh libvirt runs; only the tests' node list can
    // hold it (NodeUri refuses it), and the screen goes the same way.
    const QString command = option(node, QStringLiteral("command"));
    return ScreenRoute{.kind = ScreenRoute::Kind::Tunnel,
        .program = command.isEmpty() ? QStringLiteral("ssh") : command,
        .arguments = arguments,
        .password = display.password,
        .description = i18nc("@info", "over SSH to %1", node.host)};
}

/// The parts of @p uri, a node the session has already opened: checked when
/// it was added (NodeUri::validate), or written by a test with options a
/// person may not give, which the screen then follows as libvirt does.
NodeUri::Parts partsOf(const QString &uri)
{
    const QUrl url(uri);
    const QStringList scheme = url.scheme().toLower().split(u'+');
    return NodeUri::Parts{.driver = scheme.first(),
        .transport = scheme.value(1),
        .user = url.userName(),
        .host = url.host(),
        .port = url.port(),
        .path = url.path(),
        .query = url.query()};
}

} // namespace

Result<Graphics> display(const DomainDescription &domain)
{
    for (const Graphics &graphics : domain.graphics) {
        if (graphics.type == QLatin1StringView("vnc")) {
            return graphics;
        }
    }
    const bool spice = std::any_of(domain.graphics.cbegin(), domain.graphics.cend(),
        [](const Graphics &graphics) { return graphics.type == QLatin1StringView("spice"); });
    return Error{.message = spice
            ? i18nc("@info",
                  "%1 has a SPICE display, and Flotilla shows VNC displays only. Its "
                  "serial console works, or add a VNC display to it.",
                  domain.name)
            : i18nc("@info", "%1 has no graphical display. Its serial console works.", domain.name)};
}

bool handsOverSockets(const NodeUri::Parts &node)
{
    return !node.isRemote() && (node.transport.isEmpty() || node.transport == QLatin1StringView("unix"));
}

Result<ScreenRoute> remote(const NodeUri::Parts &node, const Graphics &display, const QString &name)
{
    if (node.transport == QLatin1StringView("ssh") || node.transport == QLatin1StringView("libssh")
        || node.transport == QLatin1StringView("libssh2")) {
        if (display.socket.isEmpty() && display.port <= 0) {
            return Error{.message = i18nc("@info", "The display of %1 has no port yet.", name)};
        }
        return tunnel(node, display);
    }
    const QString how = i18nc("@info",
        "Connect to the node over SSH (qemu+ssh://), which reaches it there, or let its displays listen on the "
        "node's network address: vnc_listen in /etc/libvirt/qemu.conf, or a listen address on the machine's "
        "display. A display on the network should have a password.");
    if (!display.socket.isEmpty()) {
        return Error{.message = i18nc("@info",
                         "The display of %1 listens on a socket on the node, which this %2 "
                         "connection cannot reach.",
                         name, node.transport.toUpper()),
            .details = how};
    }
    if (isLoopback(display.listen)) {
        return Error{.message = i18nc("@info",
                         "The display of %1 listens only on the node's own address (%2), "
                         "which this %3 connection cannot reach.",
                         name, display.listen.isEmpty() ? QStringLiteral("127.0.0.1") : display.listen,
                         node.transport.toUpper()),
            .details = how};
    }
    if (display.port <= 0) {
        return Error{.message = i18nc("@info", "The display of %1 has no port yet.", name)};
    }
    const QString host = isAnyAddress(display.listen) ? node.host : display.listen;
    return ScreenRoute{.kind = ScreenRoute::Kind::Address,
        .host = host,
        .port = display.port,
        .password = display.password,
        .description = QStringLiteral("%1:%2").arg(host).arg(display.port)};
}

Result<ScreenRoute> open(virConnectPtr connection, const QString &uri, const QString &uuid)
{
    const NodeUri::Parts node = partsOf(uri);
    const Libvirt::Domain domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    if (!domain) {
        return Libvirt::lastError(i18nc("@info", "Could not find the machine"));
    }
    const QString name = QString::fromUtf8(virDomainGetName(domain.get()));
    if (node.driver == QLatin1StringView("test")) {
        return Error{.message = i18nc("@info",
                         "%1 is a machine of libvirt's test driver, as the demo's are: it "
                         "has no screen to show.",
                         name)};
    }
    if (virDomainIsActive(domain.get()) != 1) {
        return Error{.message = i18nc("@info", "%1 is not running; its screen shows while it runs.", name)};
    }
    // The secure description holds the display's password; a read-only
    // connection may not read it, and then the display has to do without.
    char *secure = virDomainGetXMLDesc(domain.get(), VIR_DOMAIN_XML_SECURE);
    const QByteArray xml = Libvirt::takeText(secure ? secure : virDomainGetXMLDesc(domain.get(), 0));
    if (xml.isEmpty()) {
        return Libvirt::lastError(i18nc("@info", "Could not read the machine's description"));
    }
    const Result<DomainDescription> described = DomainXml::parse(xml);
    if (!described) {
        return described.error();
    }
    const Result<Graphics> shown = display(described.value());
    if (!shown) {
        return shown.error();
    }
    if (!handsOverSockets(node)) {
        return remote(node, shown.value(), name);
    }
    const auto index = unsigned(described.value().graphics.indexOf(shown.value()));
    const int fd = virDomainOpenGraphicsFD(domain.get(), index, VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH);
    if (fd < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not open the screen of %1", name));
    }
    return ScreenRoute{.kind = ScreenRoute::Kind::Socket,
        .socket = std::make_shared<ScreenSocket>(fd),
        .description = i18nc("@info", "through the node's libvirt socket")};
}

} // namespace ScreenRoutes

} // namespace Flotilla
