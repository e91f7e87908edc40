// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet.h"
#include "libvirthandles.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>

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
