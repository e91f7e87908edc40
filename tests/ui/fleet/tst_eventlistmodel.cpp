// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/eventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Flotilla;
using Kind = FleetEvent::Kind;

// The recent events as the dashboard lists them: newest first, bounded,
// and a well-behaved model all the while.
class EventListModelTest : public QObject
{
    Q_OBJECT

    static FleetEvent event(Kind kind, const QString &machine = QStringLiteral("web-1"))
    {
        return FleetEvent{.kind = kind,
            .nodeId = QStringLiteral("berlin"),
            .nodeName = QStringLiteral("Berlin"),
            .machineUuid = QStringLiteral("1"),
            .machineName = machine,
            .error = {.message = QStringLiteral("End of file")}};
    }

private Q_SLOTS:
    void listsNewestFirst()
    {
        FleetEvents events;
        events.record(event(Kind::MachineStarted)); // before the model: shown too
        EventListModel model(&events);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        events.record(event(Kind::NodeLost));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex newest = model.index(0);
        QCOMPARE(newest.data(EventListModel::KindRole).toInt(), int(EventListModel::NodeLost));
        QCOMPARE(newest.data(EventListModel::TextRole).toString(), QStringLiteral("Lost the connection to Berlin"));
        QCOMPARE(newest.data(EventListModel::DetailsRole).toString(), QStringLiteral("End of file"));
        QCOMPARE(newest.data(EventListModel::ToneRole).toInt(), int(EventListModel::Negative));
        QCOMPARE(newest.data(EventListModel::NodeIdRole).toString(), QStringLiteral("berlin"));
        QVERIFY(!newest.data(EventListModel::TimeTextRole).toString().isEmpty());
        QVERIFY(newest.data(EventListModel::TimeRole).toDateTime().isValid());
        const QModelIndex oldest = model.index(1);
        QCOMPARE(oldest.data(EventListModel::TextRole).toString(), QStringLiteral("web-1 started on Berlin"));
        QCOMPARE(oldest.data(EventListModel::ToneRole).toInt(), int(EventListModel::Positive));
        QCOMPARE(oldest.data(EventListModel::MachineNameRole).toString(), QStringLiteral("web-1"));
    }

    void saysWhetherAStopWasAskedFor()
    {
        FleetEvent asked = event(Kind::MachineStopped);
        asked.expected = true;
        QCOMPARE(EventListModel::text(asked), QStringLiteral("web-1 stopped on Berlin"));
        QCOMPARE(EventListModel::tone(asked), EventListModel::Neutral);
        QCOMPARE(
            EventListModel::text(event(Kind::MachineStopped)), QStringLiteral("web-1 stopped unexpectedly on Berlin"));
        QCOMPARE(EventListModel::tone(event(Kind::MachineStopped)), EventListModel::Negative);
    }

    void everyKindHasText()
    {
        for (int kind = int(Kind::NodeLost); kind <= int(Kind::MachineRemoved); ++kind) {
            QVERIFY2(!EventListModel::text(event(Kind(kind))).isEmpty(), qPrintable(QString::number(kind)));
        }
    }

    void staysBounded()
    {
        FleetEvents events;
        EventListModel model(&events);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < FleetEvents::capacity + 10; ++i) {
            events.record(event(Kind::MachineStarted, QString::number(i)));
        }
        QCOMPARE(model.rowCount(), int(FleetEvents::capacity));
        QCOMPARE(model.index(0).data(EventListModel::MachineNameRole).toString(),
            QString::number(FleetEvents::capacity + 9));
        QCOMPARE(
            model.index(model.rowCount() - 1).data(EventListModel::MachineNameRole).toString(), QStringLiteral("10"));
    }
};

QTEST_MAIN(EventListModelTest)
#include "tst_eventlistmodel.moc"
