// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "create/imagelibraryview.h"
#include "demo/demofleet.h"
#include "fileserver.h"
#include "fleet/fleet.h"
#include "libvirt/libvirthandles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// A node's image library as its card shows it, on the demo's Helsinki node:
// an image added from an address on 127.0.0.1 joins it; one whose checksum
// does not match is refused and nothing reaches the node.
class ImageLibraryViewTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    Fleet m_fleet;
    std::unique_ptr<FleetView> m_view;
    ImageLibraryView m_library;
    Testing::FileServer m_server;
    QString m_sha256;

    [[nodiscard]] QStringList names() const
    {
        QStringList found;
        for (const QVariant &image : m_library.images()) {
            found.append(image.toMap().value(u"name"_s).toString());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Libvirt::initialize();
        const Result<QList<NodeEntry>> entries = DemoFleet::unpack(m_demo.path());
        QVERIFY(entries.ok());
        for (const NodeEntry &entry : entries.value()) {
            if (entry.id == u"helsinki-rack"_s) {
                m_fleet.addNode(entry);
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet.nodes().first().hasInventory, 20000);
        m_view = std::make_unique<FleetView>(&m_fleet, true);
        m_library.setView(m_view.get());
        m_library.setNodeId(u"helsinki-rack"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_library.isLoaded(), 20000);
        QVERIFY(names().contains(u"debian-12-genericcloud-amd64.qcow2"_s));

        const QString image = m_demo.filePath(u"alma.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, image, u"5G"_s}), 0);
        QFile file(image);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        m_sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        m_server.serve(u"/alma.qcow2"_s, bytes);
    }

    void aWrongChecksumSendsNothing()
    {
        m_library.uploadFromUrl(m_server.url(u"/alma.qcow2"_s), QString(64, u'a'), u"default"_s, u"alma.qcow2"_s);
        QVERIFY(m_library.isUploading());
        QTRY_VERIFY_WITH_TIMEOUT(!m_library.isUploading(), 20000);
        QVERIFY2(m_library.uploadError().contains(u"does not match"_s), qPrintable(m_library.uploadError()));
        QVERIFY(!names().contains(u"alma.qcow2"_s));
        for (const NodeVolume &volume : m_fleet.nodes().first().stock.volumes) {
            QVERIFY(volume.name != u"alma.qcow2"_s);
        }
    }

    void anImageFromAnAddressJoinsTheLibrary()
    {
        QSignalSpy uploaded(&m_library, &ImageLibraryView::uploaded);
        m_library.uploadFromUrl(m_server.url(u"/alma.qcow2"_s), m_sha256, u"default"_s, u"alma.qcow2"_s);
        QVERIFY2(uploaded.wait(20000), qPrintable(m_library.uploadError()));
        QCOMPARE(uploaded.first().at(0).toString(), u"default/alma.qcow2"_s);
        QVERIFY(m_library.uploadError().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(names().contains(u"alma.qcow2"_s), 20000);
        for (const QVariant &image : m_library.images()) {
            if (image.toMap().value(u"name"_s) == u"alma.qcow2"_s) {
                QCOMPARE(image.toMap().value(u"format"_s).toString(), u"qcow2"_s);
                QCOMPARE(image.toMap().value(u"virtualBytes"_s).toDouble(), 5.0 * (1ULL << 30));
            }
        }
    }
};

QTEST_GUILESS_MAIN(ImageLibraryViewTest)
#include "tst_imagelibraryview.moc"
