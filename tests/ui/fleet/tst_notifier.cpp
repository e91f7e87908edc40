// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/notifier.h"

#include <KConfigGroup>

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using Kind = FleetEvent::Kind;

// Which events become desktop notifications, and the setting that turns
// them off. Notices go to a sink the test holds, never to the desktop.
class NotifierTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    KSharedConfigPtr config(const QString &name) const
    {
        return KSharedConfig::openConfig(m_folder.filePath(name), KConfig::SimpleConfig);
    }

    static FleetEvent event(Kind kind, bool expected = false)
    {
        return FleetEvent{.kind = kind,
            .nodeId = QStringLiteral("berlin"),
            .nodeName = QStringLiteral("Berlin"),
            .machineUuid = QStringLiteral("1"),
            .machineName = QStringLiteral("web-1"),
            .error = {.message = QStringLiteral("End of file while reading data")},
            .expected = expected};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decides_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QString>("eventId"); // empty: no notice
        QTest::newRow("lost") << int(Kind::NodeLost) << false << QStringLiteral("nodeLost");
        QTest::newRow("back") << int(Kind::NodeBack) << false << QStringLiteral("nodeBack");
        QTest::newRow("reconnected by the person") << int(Kind::NodeBack) << true << QString();
        QTest::newRow("crashed") << int(Kind::MachineCrashed) << false << QStringLiteral("machineStopped");
        QTest::newRow("stopped unasked") << int(Kind::MachineStopped) << false << QStringLiteral("machineStopped");
        QTest::newRow("stopped as asked") << int(Kind::MachineStopped) << true << QString();
        QTest::newRow("started") << int(Kind::MachineStarted) << false << QString();
        QTest::newRow("degraded") << int(Kind::NodeDegraded) << false << QString();
        QTest::newRow("disconnected") << int(Kind::NodeDisconnected) << true << QString();
        QTest::newRow("added") << int(Kind::MachineAdded) << false << QString();
    }

    void decides()
    {
        QFETCH(int, kind);
        QFETCH(bool, expected);
        QFETCH(QString, eventId);
        const std::optional<Notice> notice = Notifier::noticeFor(event(Kind(kind), expected), true);
        QCOMPARE(notice.has_value(), !eventId.isEmpty());
        if (notice) {
            QCOMPARE(notice->eventId, eventId);
            QVERIFY(!notice->title.isEmpty());
            QVERIFY(!notice->iconName.isEmpty());
            QVERIFY2(notice->text.contains(QStringLiteral("Berlin")), qPrintable(notice->text));
        }
        // Turned off, nothing at all.
        QVERIFY(!Notifier::noticeFor(event(Kind(kind), expected), false));
    }

    void everyNoticeIsDescribed()
    {
        // flotilla.notifyrc, as installed, names every event a notice uses.
        KConfig notifyrc(QStringLiteral(FLOTILLA_NOTIFYRC), KConfig::SimpleConfig);
        QCOMPARE(
            notifyrc.group(QStringLiteral("Global")).readEntry("DesktopEntry"), QStringLiteral("org.kde.flotilla"));
        for (const Kind kind : {Kind::NodeLost, Kind::NodeBack, Kind::MachineCrashed, Kind::MachineStopped}) {
            const std::optional<Notice> notice = Notifier::noticeFor(event(kind), true);
            QVERIFY(notice);
            const KConfigGroup group = notifyrc.group(QStringLiteral("Event/") + notice->eventId);
            QVERIFY2(group.exists(), qPrintable(notice->eventId));
            QVERIFY(!group.readEntry("Name").isEmpty());
            QVERIFY(group.readEntry("Action").contains(QStringLiteral("Popup")));
        }
    }

    void lostNamesTheReason()
    {
        const std::optional<Notice> notice = Notifier::noticeFor(event(Kind::NodeLost), true);
        QVERIFY(notice);
        QVERIFY(notice->text.contains(QStringLiteral("End of file while reading data")));
    }

    void aNameCannotDeceive()
    {
        FleetEvent crash = event(Kind::MachineCrashed);
        crash.machineName = QStringLiteral("invoice\u202Efdp.exe");
        crash.nodeName = QStringLiteral("Berlin\u200B");
        const std::optional<Notice> notice = Notifier::noticeFor(crash, true);
        QVERIFY(notice);
        QVERIFY2(notice->text.contains(QStringLiteral("invoice[U+202E]fdp.exe")), qPrintable(notice->text));
        QVERIFY2(notice->text.contains(QStringLiteral("Berlin[U+200B]")), qPrintable(notice->text));
        QVERIFY(!notice->text.contains(QChar(0x202E)));
    }

    void sendsWhatItDecides()
    {
        FleetEvents events;
        QList<Notice> sent;
        Notifier notifier(
            &events, config(QStringLiteral("onrc")), [&sent](const Notice &notice) { sent.append(notice); });
        QVERIFY(notifier.isEnabled()); // on unless turned off
        events.record(event(Kind::NodeLost));
        events.record(event(Kind::MachineStarted));
        events.record(event(Kind::MachineCrashed));
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(0).eventId, QStringLiteral("nodeLost"));
        QCOMPARE(sent.at(1).eventId, QStringLiteral("machineStopped"));
    }

    void disabledSendsNone()
    {
        FleetEvents events;
        QList<Notice> sent;
        Notifier notifier(
            &events, config(QStringLiteral("offrc")), [&sent](const Notice &notice) { sent.append(notice); });
        notifier.setEnabled(false);
        for (const Kind kind : {Kind::NodeLost, Kind::NodeBack, Kind::MachineCrashed, Kind::MachineStopped}) {
            events.record(event(kind));
        }
        QVERIFY(sent.isEmpty());
    }

    void settingIsKept()
    {
        FleetEvents events;
        const auto ignore = [](const Notice &) { };
        {
            Notifier notifier(&events, config(QStringLiteral("keptrc")), ignore);
            notifier.setEnabled(false);
        }
        const KSharedConfigPtr reopened = config(QStringLiteral("keptrc"));
        reopened->reparseConfiguration();
        QCOMPARE(reopened->group(QStringLiteral("Notifications")).readEntry("Enabled", true), false);
        QList<Notice> sent;
        Notifier again(&events, reopened, [&sent](const Notice &notice) { sent.append(notice); });
        QVERIFY(!again.isEnabled());
        events.record(event(Kind::NodeLost));
        QVERIFY(sent.isEmpty());
        again.setEnabled(true);
        events.record(event(Kind::NodeLost));
        QCOMPARE(sent.size(), 1);
    }
};

QTEST_GUILESS_MAIN(NotifierTest)
#include "tst_notifier.moc"
