// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/processtoken.h"
#include "provisioning/uploadjournal.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// Which uploads left a half-made volume behind: those that ended unsettled
// here, and those of a Flotilla that has ended since; never one under way,
// here or in another Flotilla of the same person that still runs.
class UploadJournalTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;

    [[nodiscard]] UploadJournal journal() const { return UploadJournal(m_folder.filePath(u"uploads.json"_s)); }

    static UploadJournal::Entry entry(const QString &volume, const QString &process = ProcessToken::here())
    {
        return {.node = u"qemu+ssh://helsinki/system"_s, .pool = u"images"_s, .volume = volume, .process = process};
    }

private Q_SLOTS:
    void theTokenNamesThisProcess()
    {
        QVERIFY(!ProcessToken::here().isEmpty());
        QVERIFY(ProcessToken::isRunning(ProcessToken::here()));
        QCOMPARE(ProcessToken::of(QCoreApplication::applicationPid()), ProcessToken::here());
        for (const QString &nonsense : {u""_s, u"x"_s, u"1"_s, u"-5:12"_s, u"1:nope"_s}) {
            QVERIFY2(!ProcessToken::isRunning(nonsense), qPrintable(nonsense));
        }
    }

    void aProcessThatEndedIsNotRunning()
    {
        QProcess child;
        child.start(u"sleep"_s, {u"600"_s});
        QVERIFY(child.waitForStarted());
        const QString token = ProcessToken::of(child.processId());
        QVERIFY(ProcessToken::isRunning(token));
        QVERIFY(token != ProcessToken::here());
        child.kill();
        QVERIFY(child.waitForFinished());
        QVERIFY(!ProcessToken::isRunning(token));
    }

    void anUploadUnderWayIsNotAbandoned()
    {
        const UploadJournal::Entry sending = entry(u"debian.qcow2"_s);
        QVERIFY(journal().begin(sending).ok());
        QVERIFY(journal().abandoned(sending.node).isEmpty());
        journal().end(sending, true); // whole
        QVERIFY(journal().abandoned(sending.node).isEmpty());
    }

    void anUploadCutOffIsAbandonedUntilItsVolumeGoes()
    {
        const UploadJournal::Entry cut = entry(u"ubuntu.qcow2"_s);
        QVERIFY(journal().begin(cut).ok());
        journal().end(cut, false); // the node went away with the half-made volume
        QCOMPARE(journal().abandoned(cut.node), QList{cut});
        QVERIFY(journal().abandoned(u"qemu+ssh://toronto/system"_s).isEmpty());
        journal().forget(cut);
        QVERIFY(journal().abandoned(cut.node).isEmpty());
    }

    void anotherFlotillaHereIsLeftAloneWhileItRuns()
    {
        QProcess other;
        other.start(u"sleep"_s, {u"600"_s});
        QVERIFY(other.waitForStarted());
        const UploadJournal::Entry theirs = entry(u"alpine.iso"_s, ProcessToken::of(other.processId()));
        QVERIFY(journal().begin(theirs).ok());
        QVERIFY(journal().abandoned(theirs.node).isEmpty());
        other.kill();
        QVERIFY(other.waitForFinished());
        QCOMPARE(journal().abandoned(theirs.node), QList{theirs});
        journal().forget(theirs);
    }

    void aJournalThatCannotBeWrittenStopsTheUpload()
    {
        const UploadJournal nowhere(u"/proc/flotilla/uploads.json"_s);
        const Result<bool> written = nowhere.begin(entry(u"debian.qcow2"_s));
        QVERIFY(!written.ok());
        QVERIFY2(
            written.error().message.contains(u"/proc/flotilla/uploads.json"_s), qPrintable(written.error().text()));
    }
};

QTEST_GUILESS_MAIN(UploadJournalTest)
#include "tst_uploadjournal.moc"
