// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/nodeform.h"

#include <QTest>

using namespace Flotilla;

/// The add-node form's rules that QML only shows.
class NodeFormTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUnverifiedNodeNeedsConsent()
    {
        NodeForm form;
        form.setProperty("name", QStringLiteral("Far away"));
        form.setTransport(NodeForm::Raw);
        form.setRawUri(QStringLiteral("qemu+tls://far.example/system?no_verify=1"));
        QVERIFY(form.uriValid());
        QVERIFY(form.skipsVerification());
        QVERIFY(!form.valid());
        QVERIFY(form.unverifiedError().contains(QStringLiteral("identity")));

        form.setUnverifiedAccepted(true);
        QVERIFY(form.valid());
        // The consent was for that URI: another one asks again.
        form.setRawUri(QStringLiteral("qemu+tls://elsewhere.example/system?no_verify=1"));
        QVERIFY(!form.unverifiedAccepted());
        QVERIFY(!form.valid());
    }

    void aVerifiedNodeNeedsNone()
    {
        NodeForm form;
        form.setProperty("name", QStringLiteral("Near"));
        form.setTransport(NodeForm::Raw);
        form.setRawUri(QStringLiteral("qemu+tls://near.example/system"));
        QVERIFY(!form.skipsVerification());
        QCOMPARE(form.unverifiedError(), QString());
        QVERIFY(form.valid());
    }

    void refusesAUriThatRunsAProgram()
    {
        NodeForm form;
        form.setTransport(NodeForm::Raw);
        form.setRawUri(QStringLiteral("qemu+ssh://h/system?command=/tmp/evil"));
        QVERIFY(!form.uriValid());
        QVERIFY2(form.rawUriError().contains(QStringLiteral("“command”")), qPrintable(form.rawUriError()));
    }
};

QTEST_GUILESS_MAIN(NodeFormTest)
#include "tst_nodeform.moc"
