// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "libvirt/libvirthandles.h"
#include "session/statsreader.h"

#include <QTest>

using namespace Flotilla;

// A node's own counters, read at every tick, on libvirt's test driver: it
// gives four processor figures and keeps its memory figures to itself.
class StatsReaderTest : public QObject
{
    Q_OBJECT

    Libvirt::Connection m_connection;

private Q_SLOTS:
    void initTestCase()
    {
        Libvirt::initialize();
        m_connection.reset(virConnectOpen("test:///default"));
        QVERIFY(m_connection);
    }

    // libvirt wants the number of figures before the figures: it is asked
    // once, and every later tick reads the figures straight away.
    void asksHowManyFiguresOnce()
    {
        StatsReader::NodeStatsShape shape;
        const Result<NodeCounters> first = StatsReader::readNode(m_connection.get(), shape);
        QVERIFY(first.ok());
        QCOMPARE(shape.cpuFields, 4);
        QCOMPARE(shape.memoryFields, -1); // none: not asked again
        QVERIFY(first.value().cpuBusyNs.has_value());
        QVERIFY(*first.value().cpuTotalNs > *first.value().cpuBusyNs);
        QVERIFY(!first.value().memoryTotalKiB.has_value());

        const Result<NodeCounters> second = StatsReader::readNode(m_connection.get(), shape);
        QVERIFY(second.ok());
        QCOMPARE(second.value().cpuBusyNs, first.value().cpuBusyNs); // the test driver's figures are fixed
        QCOMPARE(shape.cpuFields, 4);
    }
};

QTEST_GUILESS_MAIN(StatsReaderTest)
#include "tst_statsreader.moc"
