// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "model/snapshot.h"
#include "session/machinesnapshots.h"

#include <QTest>
#include <QTimeZone>

#include <libvirt/libvirt.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;
using Kind = MachineRequest::Kind;

// A machine's snapshots: their XML read and written, their tree, and
// taking, going back to and deleting them on libvirt's test driver.
class SnapshotsTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_connection;
    Libvirt::Domain m_domain;

    MachineRequestResult perform(Kind kind, const QString &name = {}, bool flag = false)
    {
        return MachineSnapshots::perform(m_domain.get(),
            MachineRequest{.kind = kind,
                .uuid = u"test"_s,
                .snapshot = name,
                .description = kind == Kind::TakeSnapshot ? u"before the upgrade"_s : QString(),
                .withMemory = kind == Kind::TakeSnapshot && flag,
                .withChildren = kind == Kind::DeleteSnapshot && flag});
    }

    static QStringList names(const QList<Snapshot> &snapshots)
    {
        QStringList found;
        for (const Snapshot &snapshot : snapshots) {
            found.append(snapshot.name + (snapshot.current ? u"*"_s : QString()));
        }
        found.sort();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_connection.reset(virConnectOpen("test:///default"));
        QVERIFY(m_connection);
        m_domain.reset(virDomainLookupByName(m_connection.get(), "test"));
        QVERIFY(m_domain);
    }

    void readsWhatLibvirtWrites()
    {
        const Result<Snapshot> running = Snapshots::parse(
            "<domainsnapshot><name>before</name><description>a &lt;test&gt;</description><state>running</state>"
            "<parent><name>root</name></parent><creationTime>1764500000</creationTime>"
            "<memory snapshot='internal'/><disks><disk name='vda' snapshot='internal'/></disks>"
            "<domain><name>web</name><description>not the snapshot's</description></domain></domainsnapshot>");
        QVERIFY(running.ok());
        QCOMPARE(running.value().name, u"before"_s);
        QCOMPARE(running.value().description, u"a <test>"_s);
        QCOMPARE(running.value().parent, u"root"_s);
        QCOMPARE(running.value().created, QDateTime::fromSecsSinceEpoch(1764500000, QTimeZone::UTC));
        QVERIFY(running.value().memory);
        QVERIFY(!running.value().external);
        const Result<Snapshot> diskOnly = Snapshots::parse(
            "<domainsnapshot><name>disks</name><state>disk-snapshot</state><memory snapshot='no'/>"
            "<disks><disk name='vda' snapshot='external'><source file='/x.qcow2'/></disk></disks></domainsnapshot>");
        QVERIFY(diskOnly.ok());
        QVERIFY(!diskOnly.value().memory);
        QVERIFY(diskOnly.value().external);
        QVERIFY(!Snapshots::parse("<domainsnapshot><state>running</state></domainsnapshot>").ok());
        QVERIFY(!Snapshots::parse("<domainsnapshot><name>x</name").ok());
    }

    void namesAndRequests()
    {
        QCOMPARE(Snapshots::nameProblem(u"before-upgrade_2.0"_s), QString());
        QVERIFY(!Snapshots::nameProblem(QString()).isEmpty());
        QVERIFY(!Snapshots::nameProblem(u".hidden"_s).isEmpty());
        QVERIFY(!Snapshots::nameProblem(u"a/b"_s).isEmpty());
        QVERIFY(!Snapshots::nameProblem(QString(65, u'a')).isEmpty());
        const Result<QByteArray> diskOnly = Snapshots::request(u"a"_s, u"x & y"_s, false);
        QVERIFY(diskOnly.ok());
        QVERIFY2(diskOnly.value().contains("<memory snapshot=\"no\"/>"), diskOnly.value().constData());
        QVERIFY(diskOnly.value().contains("<description>x &amp; y</description>"));
        QVERIFY(!Snapshots::request(u"a"_s, {}, true).value().contains("<memory"));
        QVERIFY(!Snapshots::request(u"a b"_s, {}, true).ok());
    }

    void aTreeOldestFirst()
    {
        const auto at = [](int seconds) { return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC); };
        const QList<Snapshot> taken{{.name = u"c"_s, .created = at(3), .parent = u"a"_s},
            {.name = u"b"_s, .created = at(2), .parent = u"a"_s}, {.name = u"a"_s, .created = at(1)},
            {.name = u"d"_s, .created = at(4), .parent = u"b"_s},
            {.name = u"lost"_s, .created = at(5), .parent = u"gone"_s}};
        QList<int> depths;
        QStringList order;
        for (const Snapshot &snapshot : Snapshots::asTree(taken, &depths)) {
            order.append(snapshot.name);
        }
        QCOMPARE(order, (QStringList{u"a"_s, u"b"_s, u"d"_s, u"c"_s, u"lost"_s}));
        QCOMPARE(depths, (QList<int>{0, 1, 2, 1, 0}));
    }

    void takesGoesBackAndDeletes()
    {
        QCOMPARE(names(perform(Kind::ReadSnapshots).snapshots), QStringList());
        MachineRequestResult result = perform(Kind::TakeSnapshot, u"first"_s, true);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(names(result.snapshots), QStringList{u"first*"_s});
        QCOMPARE(result.snapshots.first().description, u"before the upgrade"_s);
        QVERIFY(result.snapshots.first().memory); // taken while it ran, with its memory
        result = perform(Kind::TakeSnapshot, u"second"_s, true);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(names(result.snapshots), (QStringList{u"first"_s, u"second*"_s}));
        const auto second
            = std::ranges::find_if(result.snapshots, [](const Snapshot &s) { return s.name == u"second"_s; });
        QCOMPARE(second->parent, u"first"_s);

        // A name taken already, and one that is not there: libvirt's reason, and nothing changed.
        result = perform(Kind::TakeSnapshot, u"first"_s, true);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(names(result.snapshots), (QStringList{u"first"_s, u"second*"_s}));
        result = perform(Kind::RevertSnapshot, u"nowhere"_s);
        QVERIFY2(result.error.message.contains(u"nowhere"_s), qPrintable(result.error.text()));

        result = perform(Kind::RevertSnapshot, u"first"_s);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(names(result.snapshots), (QStringList{u"first*"_s, u"second"_s}));
        result = perform(Kind::DeleteSnapshot, u"first"_s, true); // and its child
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error.text()));
        QCOMPARE(names(result.snapshots), QStringList());
    }
};

QTEST_GUILESS_MAIN(SnapshotsTest)
#include "tst_snapshots.moc"
