// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <future>

using namespace Flotilla;

// Remembered credentials, in a real (private, throwaway) desktop keyring:
// tests/with-keyring runs this test with an unlocked GNOME keyring.
class KeyringTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = 20000;
    QString m_uri;

    /// Opens the locked node once; @p password is what the person types, if
    /// asked. How often the person was asked, or below 0: -1 the node did
    /// not reach @p expected, -2 the keyring failed, -3 it did not finish.
    static int connectOnce(const QString &uri, const QString &password, bool remember, NodeState expected)
    {
        Fleet fleet;
        int asked = 0;
        QObject::connect(
            fleet.credentials(), &CredentialBroker::requested, &fleet, [&](const CredentialRequest &request) {
                ++asked;
                QStringList answers;
                for (const CredentialPrompt &prompt : request.prompts) {
                    answers.append(prompt.isUserName ? QStringLiteral("fred") : password);
                }
                fleet.credentials()->answer(request.id, answers, remember);
            });
        QString problem;
        QObject::connect(fleet.credentials(), &CredentialBroker::keyringProblem, &fleet,
            [&problem](const QString &message) { problem = message; });
        fleet.addNode(NodeEntry{.id = QStringLiteral("locked"), .name = QStringLiteral("Locked"), .uri = uri});
        if (!QTest::qWaitFor([&] { return fleet.nodes().first().status.state == expected; }, timeoutMs)) {
            return -1;
        }
        // The keyring's writes and deletes are jobs the broker owns; each
        // deletes itself when done.
        const auto keyringJobs = [&fleet] {
            const QList<QObject *> children = fleet.credentials()->findChildren<QObject *>();
            return std::ranges::count_if(children, [](QObject *child) { return child->inherits("QKeychain::Job"); });
        };
        if (!QTest::qWaitFor([&] { return keyringJobs() == 0; }, timeoutMs)) {
            return -3;
        }
        return problem.isEmpty() ? asked : -2;
    }

    struct Asked {
        bool asked = false; ///< the person was asked (not the keyring)
        std::optional<QStringList> answers;
        bool operator==(const Asked &) const = default;
    };

    /// Asks @p broker from a thread of its own, as a session does; the person types @p typed.
    static Asked askOnce(CredentialBroker &broker, const QString &uri, const QList<CredentialPrompt> &prompts,
        const QStringList &typed, bool remember)
    {
        Asked result;
        const QMetaObject::Connection answering
            = QObject::connect(&broker, &CredentialBroker::requested, &broker, [&](const CredentialRequest &request) {
                  result.asked = true;
                  broker.answer(request.id, typed, remember);
              });
        std::future<std::optional<QStringList>> answer
            = std::async(std::launch::async, [&] { return broker.ask(uri, prompts, std::chrono::seconds(20)); });
        if (!QTest::qWaitFor(
                [&] { return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, timeoutMs)) {
            qWarning("no answer in time");
        }
        QObject::disconnect(answering);
        result.answers = answer.get();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        m_uri = QStringLiteral("test://") + QFINDTESTDATA("../data/auth-node.xml");
    }

    void remembersOnlyWhenAskedTo()
    {
        QCOMPARE(connectOnce(m_uri, QStringLiteral("correct horse"), false, NodeState::Connected), 2);
        // Not remembered: asked again.
        QCOMPARE(connectOnce(m_uri, QStringLiteral("correct horse"), true, NodeState::Connected), 2);
        // Remembered: not asked at all.
        QCOMPARE(connectOnce(m_uri, QString(), false, NodeState::Connected), 0);
    }

    void forgetsEveryAnswerForTheNode()
    {
        // Questions asked together in any mix of kinds (here a plain one and
        // a secret, as keyboard-interactive SSH asks), kept, then forgotten.
        Fleet fleet;
        CredentialBroker &broker = *fleet.credentials();
        const QString uri = QStringLiteral("qemu+ssh://forgetful.example/system");
        const QList<CredentialPrompt> prompts{CredentialPrompt{.text = QStringLiteral("Verification code")},
            CredentialPrompt{.text = QStringLiteral("Password"), .secret = true}};
        const QStringList typed{QStringLiteral("123456"), QStringLiteral("hunter2")};
        QCOMPARE(askOnce(broker, uri, prompts, typed, true), (Asked{true, typed}));
        QCOMPARE(askOnce(broker, uri, prompts, {}, false), (Asked{false, typed})); // kept
        broker.forget(uri);
        QCOMPARE(askOnce(broker, uri, prompts, typed, false), (Asked{true, typed})); // asked again
        // Forgotten for good, not only in this run.
        Fleet later;
        QCOMPARE(askOnce(*later.credentials(), uri, prompts, typed, false), (Asked{true, typed}));
    }

    void asksAgainWhenARememberedAnswerFails()
    {
        // A node whose password changes after Flotilla kept the old one.
        QTemporaryDir folder;
        const QString file = folder.filePath(QStringLiteral("changing.xml"));
        const auto setPassword = [&](const QString &password) {
            QFile source(QFINDTESTDATA("../data/auth-node.xml"));
            QFile target(file);
            const bool copied = source.open(QIODevice::ReadOnly) && target.open(QIODevice::WriteOnly)
                && target.write(source.readAll().replace("correct horse", password.toUtf8())) > 0;
            return copied;
        };
        const QString uri = QStringLiteral("test://") + file;
        QVERIFY(setPassword(QStringLiteral("first")));
        QCOMPARE(connectOnce(uri, QStringLiteral("first"), true, NodeState::Connected), 2);
        QVERIFY(setPassword(QStringLiteral("second")));

        Fleet fleet;
        int asked = 0;
        QObject::connect(
            fleet.credentials(), &CredentialBroker::requested, &fleet, [&](const CredentialRequest &request) {
                ++asked;
                QStringList answers;
                for (const CredentialPrompt &prompt : request.prompts) {
                    answers.append(prompt.isUserName ? QStringLiteral("fred") : QStringLiteral("second"));
                }
                fleet.credentials()->answer(request.id, answers, true);
            });
        fleet.addNode(NodeEntry{.id = QStringLiteral("locked"), .name = QStringLiteral("Locked"), .uri = uri});
        // The kept password is offered, fails once, and is not offered again.
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().first().status.state, NodeState::Disconnected, timeoutMs);
        QCOMPARE(asked, 0);
        fleet.reconnectNow(QStringLiteral("locked"));
        QTRY_COMPARE_WITH_TIMEOUT(fleet.nodes().first().status.state, NodeState::Connected, timeoutMs);
        QCOMPARE(asked, 2);
    }

    void forgetsWhatFails()
    {
        // Remember a wrong password; the failure forgets it, so the next time asks.
        QString other = m_uri; // the same file under another URI, with a keyring entry of its own
        other.replace(QStringLiteral("/auth-node.xml"), QStringLiteral("/./auth-node.xml"));
        QVERIFY(connectOnce(other, QStringLiteral("battery staple"), true, NodeState::Disconnected) > 0);
        QCOMPARE(connectOnce(other, QStringLiteral("correct horse"), false, NodeState::Connected), 2);
    }
};

QTEST_GUILESS_MAIN(KeyringTest)
#include "tst_keyring.moc"
