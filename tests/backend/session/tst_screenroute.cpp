// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/domainxml.h"
#include "session/screenroute.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
NodeUri::Parts node(const QString &uri)
{
    const Result<NodeUri::Parts> parts = NodeUri::validate(uri);
    return parts ? parts.value() : NodeUri::Parts{};
}

Graphics vnc(const QString &listen, int port = 5901)
{
    return Graphics{.type = u"vnc"_s, .port = port, .listen = listen};
}
} // namespace

// Which way leads to a machine's screen, by how its node is reached and
// where its display listens; and why, when none does.
class ScreenRouteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhereTheDisplayListens()
    {
        const Result<DomainDescription> domain = DomainXml::parse(
            "<domain type='kvm'><name>web</name><uuid>4b1e7c52-0d6a-4c8e-9a51-0f2c1b7d3e90</uuid><devices>"
            "<graphics type='spice' port='5900'/>"
            "<graphics type='vnc' port='5901' autoport='yes' passwd='s3cret'><listen type='address' "
            "address='0.0.0.0'/></graphics>"
            "<graphics type='vnc'><listen type='socket' socket='/run/libvirt/qemu/vnc.sock'/></graphics>"
            "</devices></domain>");
        QVERIFY2(domain, qPrintable(domain ? QString() : domain.error().text()));
        QCOMPARE(domain.value().graphics.size(), 3);
        QCOMPARE(domain.value().graphics.at(1),
            (Graphics{.type = u"vnc"_s, .port = 5901, .listen = u"0.0.0.0"_s, .password = u"s3cret"_s}));
        QCOMPARE(domain.value().graphics.at(2).socket, u"/run/libvirt/qemu/vnc.sock"_s);
        QCOMPARE(domain.value().graphics.at(2).port, -1);
        // The first VNC display is the one shown.
        QCOMPARE(ScreenRoutes::display(domain.value()).value().port, 5901);
    }

    void saysWhyThereIsNoScreen()
    {
        const DomainDescription spice{.name = u"win11"_s, .graphics = {Graphics{.type = u"spice"_s, .port = 5900}}};
        const Result<Graphics> none = ScreenRoutes::display(spice);
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(u"win11 has a SPICE display"_s), qPrintable(none.error().message));
        const Result<Graphics> headless = ScreenRoutes::display(DomainDescription{.name = u"db"_s});
        QVERIFY(!headless);
        QVERIFY(headless.error().message.contains(u"db has no graphical display. Its serial console works."_s));
    }

    void aLocalNodeHandsOverSockets()
    {
        QVERIFY(ScreenRoutes::handsOverSockets(node(u"qemu:///system"_s)));
        QVERIFY(ScreenRoutes::handsOverSockets(node(u"qemu+unix:///session"_s)));
        QVERIFY(!ScreenRoutes::handsOverSockets(node(u"qemu+ssh://root@host/system"_s)));
        QVERIFY(!ScreenRoutes::handsOverSockets(node(u"qemu+tls://host/system"_s)));
    }

    void overSshItTunnels()
    {
        const Result<ScreenRoute> route = ScreenRoutes::remote(
            node(u"qemu+ssh://maya@toronto.example:2222/system?keyfile=/home/a/.ssh/id_fleet&no_tty=1"_s),
            vnc(u"127.0.0.1"_s), u"web"_s);
        QVERIFY(route);
        QCOMPARE(route.value().kind, ScreenRoute::Kind::Tunnel);
        QCOMPARE(route.value().program, u"ssh"_s);
        const QStringList arguments = route.value().arguments;
        QCOMPARE(arguments.mid(0, 6),
            (QStringList{u"-p"_s, u"2222"_s, u"-l"_s, u"maya"_s, u"-i"_s, u"/home/a/.ssh/id_fleet"_s}));
        QVERIFY(arguments.contains(u"BatchMode=yes"_s)); // it never stops to ask
        QCOMPARE(arguments.mid(arguments.size() - 3),
            (QStringList{u"--"_s, u"toronto.example"_s, u"nc '127.0.0.1' 5901"_s}));
        QCOMPARE(route.value().description, u"over SSH to toronto.example"_s);

        // A display on every address is reached on the node's loopback; one on a socket through it.
        const Result<ScreenRoute> any
            = ScreenRoutes::remote(node(u"qemu+ssh://host/system"_s), vnc(u"0.0.0.0"_s), u"web"_s);
        QCOMPARE(any.value().arguments.last(), u"nc '127.0.0.1' 5901"_s);
        const Result<ScreenRoute> socket = ScreenRoutes::remote(
            node(u"qemu+ssh://host/system"_s), Graphics{.type = u"vnc"_s, .socket = u"/run/vnc it's.sock"_s}, u"web"_s);
        QCOMPARE(socket.value().arguments.last(), u"nc -U '/run/vnc it'\\''s.sock'"_s);
    }

    void overTlsOnlyADisplayOnTheNetwork()
    {
        const NodeUri::Parts tls = node(u"qemu+tls://berlin.example/system"_s);
        const Result<ScreenRoute> loopback = ScreenRoutes::remote(tls, vnc(u"127.0.0.1"_s), u"web"_s);
        QVERIFY(!loopback);
        QCOMPARE(loopback.error().message,
            u"The display of web listens only on the node's own address (127.0.0.1), which this TLS connection "
            "cannot reach."_s);
        QVERIFY(loopback.error().details.contains(u"qemu+ssh://"_s));
        QVERIFY(loopback.error().details.contains(u"vnc_listen"_s));
        QVERIFY(!ScreenRoutes::remote(tls, vnc(QString()), u"web"_s)); // the node's default: its loopback
        QVERIFY(!ScreenRoutes::remote(tls, Graphics{.type = u"vnc"_s, .socket = u"/run/vnc.sock"_s}, u"web"_s));

        const Result<ScreenRoute> any = ScreenRoutes::remote(tls, vnc(u"0.0.0.0"_s), u"web"_s);
        QCOMPARE(any.value().kind, ScreenRoute::Kind::Address);
        QCOMPARE(any.value().host, u"berlin.example"_s);
        QCOMPARE(any.value().port, 5901);
        const Result<ScreenRoute> named = ScreenRoutes::remote(tls, vnc(u"192.0.2.7"_s, 5907), u"web"_s);
        QCOMPARE(named.value().host, u"192.0.2.7"_s);
        QCOMPARE(named.value().description, u"192.0.2.7:5907"_s);
        QVERIFY(!ScreenRoutes::remote(tls, vnc(u"0.0.0.0"_s, -1), u"web"_s)); // not started yet: no port
    }
};

QTEST_GUILESS_MAIN(ScreenRouteTest)
#include "tst_screenroute.moc"
