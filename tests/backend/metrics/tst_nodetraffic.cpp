// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "metrics/ratecalculator.h"

#include <QTest>

using namespace Flotilla;

// A node's disk and network traffic: libvirt counts it per machine, so the
// node's is the sum of its machines'.
class NodeTrafficTest : public QObject
{
    Q_OBJECT

    static MachineRates machine(double read, double received)
    {
        MachineRates rates;
        at(rates.rates, Channel::DiskReadBytesPerSecond) = read;
        at(rates.rates, Channel::NetReceiveBytesPerSecond) = received;
        return rates;
    }

private Q_SLOTS:
    void sumsWhatIsKnown()
    {
        Rates node = unknownRates();
        at(node, Channel::CpuPercent) = 12;
        RateCalculator::addMachineTraffic(node, {machine(100, 10), machine(NAN, 5), machine(50, NAN)});
        QCOMPARE(at(node, Channel::DiskReadBytesPerSecond), 150.0);
        QCOMPARE(at(node, Channel::NetReceiveBytesPerSecond), 15.0);
        QVERIFY(std::isnan(at(node, Channel::DiskWriteBytesPerSecond))); // no machine knows it
        QCOMPARE(at(node, Channel::CpuPercent), 12.0); // the node's own channels are left alone
    }

    void nothingRunningIsNoTraffic()
    {
        Rates node = unknownRates();
        RateCalculator::addMachineTraffic(node, {});
        QCOMPARE(at(node, Channel::DiskWriteBytesPerSecond), 0.0);
        QCOMPARE(at(node, Channel::NetSendBytesPerSecond), 0.0);
        QVERIFY(std::isnan(at(node, Channel::MemoryUsedBytes)));
    }

    void keepsTheNodesOwnFigure()
    {
        Rates node = unknownRates();
        at(node, Channel::NetSendBytesPerSecond) = 7;
        RateCalculator::addMachineTraffic(node, {machine(1, 1)});
        QCOMPARE(at(node, Channel::NetSendBytesPerSecond), 7.0);
    }
};

QTEST_GUILESS_MAIN(NodeTrafficTest)
#include "tst_nodetraffic.moc"
