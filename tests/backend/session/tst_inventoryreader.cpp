// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "session/inventoryreader.h"

#include <QTest>

#include <libvirt/virterror.h>

using namespace Flotilla;
using Libvirt::MachineTouch;

Q_DECLARE_METATYPE(Libvirt::MachineTouch)

// What an event makes a session read again, and that the shorter reads
// after frequent events end where a full reading does: on libvirt's test
// driver, in this process.
class InventoryReaderTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_connection;
    Libvirt::Domain m_domain; // the test driver's own machine, "test"
    QString m_uuid;

    [[nodiscard]] Machine fullReading() const
    {
        Result<Machine> machine = InventoryReader::readMachine(m_connection.get(), m_uuid);
        return machine ? machine.value() : Machine{.problem = machine.error()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_connection.reset(virConnectOpen("test:///default"));
        QVERIFY(m_connection);
        m_domain.reset(virDomainLookupByName(m_connection.get(), "test"));
        QVERIFY(m_domain);
        char uuid[VIR_UUID_STRING_BUFLEN];
        QCOMPARE(virDomainGetUUIDString(m_domain.get(), uuid), 0);
        m_uuid = QString::fromLatin1(uuid);
    }

    void touchOfLifecycle_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("detail");
        QTest::addColumn<MachineTouch>("touch");
        QTest::newRow("paused") << int(VIR_DOMAIN_EVENT_SUSPENDED) << int(VIR_DOMAIN_EVENT_SUSPENDED_PAUSED)
                                << MachineTouch::BecamePaused;
        QTest::newRow("resumed") << int(VIR_DOMAIN_EVENT_RESUMED) << int(VIR_DOMAIN_EVENT_RESUMED_UNPAUSED)
                                 << MachineTouch::BecameRunning;
        QTest::newRow("paused by an I/O error")
            << int(VIR_DOMAIN_EVENT_SUSPENDED) << int(VIR_DOMAIN_EVENT_SUSPENDED_IOERROR) << MachineTouch::State;
        QTest::newRow("resumed after migrating")
            << int(VIR_DOMAIN_EVENT_RESUMED) << int(VIR_DOMAIN_EVENT_RESUMED_MIGRATED) << MachineTouch::State;
        QTest::newRow("shutting down") << int(VIR_DOMAIN_EVENT_SHUTDOWN) << int(VIR_DOMAIN_EVENT_SHUTDOWN_GUEST)
                                       << MachineTouch::State;
        QTest::newRow("crashed") << int(VIR_DOMAIN_EVENT_CRASHED) << 0 << MachineTouch::State;
        QTest::newRow("started") << int(VIR_DOMAIN_EVENT_STARTED) << int(VIR_DOMAIN_EVENT_STARTED_BOOTED)
                                 << MachineTouch::StateAndDefinition;
        QTest::newRow("stopped") << int(VIR_DOMAIN_EVENT_STOPPED) << int(VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN)
                                 << MachineTouch::StateAndDefinition;
        QTest::newRow("reverted, paused") << int(VIR_DOMAIN_EVENT_SUSPENDED)
                                          << int(VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT) << MachineTouch::Everything;
        QTest::newRow("reverted, started")
            << int(VIR_DOMAIN_EVENT_STARTED) << int(VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT) << MachineTouch::Everything;
        QTest::newRow("defined") << int(VIR_DOMAIN_EVENT_DEFINED) << 0 << MachineTouch::Everything;
        QTest::newRow("undefined") << int(VIR_DOMAIN_EVENT_UNDEFINED) << 0 << MachineTouch::Everything;
        QTest::newRow("unknown to us") << 1000 << 0 << MachineTouch::Everything;
    }

    void touchOfLifecycle()
    {
        QFETCH(int, event);
        QFETCH(int, detail);
        QFETCH(MachineTouch, touch);
        QCOMPARE(Libvirt::touchOfLifecycle(event, detail), touch);
    }

    // Two events on one machine before it is read: of two told states the
    // later holds; anything that must be read wins over a told state.
    void touchesMerge()
    {
        using enum MachineTouch;
        QCOMPARE(Libvirt::mergedTouch(BecamePaused, BecameRunning), BecameRunning);
        QCOMPARE(Libvirt::mergedTouch(BecameRunning, BecamePaused), BecamePaused);
        QCOMPARE(Libvirt::mergedTouch(BecamePaused, State), State);
        QCOMPARE(Libvirt::mergedTouch(StateAndDefinition, BecameRunning), StateAndDefinition);
        QCOMPARE(Libvirt::mergedTouch(State, Everything), Everything);
    }

    // Each step changes the machine as an event would say, reads it the
    // short way from what was known before, and compares with a full reading.
    void aShortReadEndsWhereAFullOneDoes()
    {
        const auto step = [this](int (*change)(virDomainPtr), MachineTouch touch, MachineState expected) {
            const Machine before = fullReading();
            QVERIFY2(before.problem.isEmpty(), qPrintable(before.problem.text()));
            QCOMPARE(change(m_domain.get()), 0);
            const Result<Machine> shortRead = InventoryReader::readMachine(m_connection.get(), m_uuid, touch, &before);
            QVERIFY2(shortRead.ok(), qPrintable(shortRead.ok() ? QString() : shortRead.error().text()));
            QCOMPARE(shortRead.value().state, expected);
            QCOMPARE(shortRead.value(), fullReading());
        };
        step(virDomainSuspend, MachineTouch::BecamePaused, MachineState::Paused);
        step(virDomainResume, MachineTouch::BecameRunning, MachineState::Running);
        step(virDomainSuspend, MachineTouch::State, MachineState::Paused);
        step(virDomainResume, MachineTouch::State, MachineState::Running);
        step(virDomainDestroy, MachineTouch::StateAndDefinition, MachineState::Off);
        step(virDomainCreate, MachineTouch::StateAndDefinition, MachineState::Running);
    }

    // What the event cannot have changed is not asked again.
    void aShortReadKeepsWhatItDoesNotRead()
    {
        Machine known = fullReading();
        known.autostart = !known.autostart;
        known.snapshots = {QStringLiteral("kept")};
        known.snapshotCount = 1;
        known.title = QStringLiteral("known title");
        known.definitionHash = 0; // as if read from other XML: the definition is read again
        const Result<Machine> state
            = InventoryReader::readMachine(m_connection.get(), m_uuid, MachineTouch::State, &known);
        QVERIFY(state.ok());
        QCOMPARE(state.value(), known);
        const Result<Machine> definition
            = InventoryReader::readMachine(m_connection.get(), m_uuid, MachineTouch::StateAndDefinition, &known);
        QVERIFY(definition.ok());
        QCOMPARE(definition.value().autostart, known.autostart);
        QCOMPARE(definition.value().snapshots, known.snapshots);
        QCOMPARE(definition.value().title, fullReading().title);
        QCOMPARE(InventoryReader::readMachine(m_connection.get(), m_uuid, MachineTouch::Everything, &known).value(),
            fullReading());
    }

    // A full reading finds most machines as they were: the same XML is not
    // parsed again, and a changed one is.
    void theSameDefinitionIsNotParsedAgain()
    {
        Machine known = fullReading();
        QVERIFY(known.definitionHash != 0);
        known.title = QStringLiteral("as read before");
        const Result<QList<Machine>> same = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}});
        QVERIFY(same.ok());
        QCOMPARE(same.value().size(), qsizetype(1));
        QCOMPARE(same.value().first().title, known.title);

        known.definitionHash ^= 1;
        const Result<QList<Machine>> changed = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}});
        QVERIFY(changed.ok());
        QCOMPARE(changed.value().first(), fullReading());
    }

    // A refresh asks for a definition only where it may have changed: a
    // machine new, or one that started or stopped since it was known.
    void aRefreshReadsOnlyDefinitionsThatMayHaveChanged()
    {
        using InventoryReader::Definitions;
        Machine known = fullReading();
        QVERIFY(known.isActive());
        known.title = QStringLiteral("as known");
        known.definitionHash ^= 1; // a fetched XML would not match it
        const Result<QList<Machine>> kept
            = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}}, Definitions::FetchChanged);
        QVERIFY(kept.ok());
        QCOMPARE(kept.value().size(), qsizetype(1));
        QCOMPARE(kept.value().first().title, known.title);

        known.state = MachineState::Off; // it has started since
        const Result<QList<Machine>> started
            = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}}, Definitions::FetchChanged);
        QVERIFY(started.ok());
        QCOMPARE(started.value().first(), fullReading());

        const Result<QList<Machine>> unknown
            = InventoryReader::readMachines(m_connection.get(), {}, Definitions::FetchChanged);
        QVERIFY(unknown.ok());
        QCOMPARE(unknown.value().first(), fullReading());
    }

    // No event tells autostart or a snapshot: a refresh carries them from
    // the known machine, and a full reading asks the node.
    void aRefreshCarriesAutostartAndSnapshots()
    {
        using InventoryReader::Definitions;
        Machine known = fullReading();
        known.autostart = !known.autostart;
        known.snapshots = {QStringLiteral("as known")};
        known.snapshotCount = 1;
        const Result<QList<Machine>> refreshed
            = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}}, Definitions::FetchChanged);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed.value().first().autostart, known.autostart);
        QCOMPARE(refreshed.value().first().snapshots, known.snapshots);
        QCOMPARE(refreshed.value().first().snapshotCount, 1);

        const Result<QList<Machine>> full = InventoryReader::readMachines(m_connection.get(), {{m_uuid, known}});
        QVERIFY(full.ok());
        QCOMPARE(full.value().first(), fullReading());
    }

    // An event brings the machine's handle: the reading goes through it,
    // without looking the machine up, and ends where a full one does.
    void aReadThroughAnEventsHandleIsTheSame()
    {
        const QString notLookedUp = QStringLiteral("00000000-0000-0000-0000-000000000001");
        const Result<Machine> read = InventoryReader::readMachine(
            m_connection.get(), notLookedUp, MachineTouch::Everything, nullptr, m_domain.get());
        QVERIFY(read.ok());
        QCOMPARE(read.value(), fullReading());
    }

    void aMachineThatIsGoneIsSaidToBe()
    {
        const Machine known = fullReading();
        const Result<Machine> gone = InventoryReader::readMachine(
            m_connection.get(), QStringLiteral("00000000-0000-0000-0000-000000000001"), MachineTouch::State, &known);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, int(VIR_ERR_NO_DOMAIN));
    }
};

QTEST_GUILESS_MAIN(InventoryReaderTest)
#include "tst_inventoryreader.moc"
