// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imageheader.h"
#include "provisioning/seediso.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// The seed's ISO, read back by an independent tool (xorriso, Debian's
// package of it): its label, its file names and their contents.
class SeedIsoTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_xorriso;

    /// xorriso's answer to @p arguments; empty, with a failure, if it fails.
    QString xorriso(const QStringList &arguments)
    {
        QProcess process;
        process.start(m_xorriso, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning() << "xorriso failed:" << process.readAllStandardError();
            return {};
        }
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    }

    static QByteArray contentsOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_xorriso = QStandardPaths::findExecutable(u"xorriso"_s);
        QVERIFY2(!m_xorriso.isEmpty(), "xorriso (Debian's xorriso package) is needed to read the seed back");
    }

    void holdsTheSeedUnderItsLabel()
    {
        const CloudInit::Seed seed{.userData = "#cloud-config\nhostname: \"web-01\"\n",
            .metaData = "instance-id: \"iid-1\"\nlocal-hostname: \"web-01\"\n",
            .networkConfig = "version: 2\nethernets: {}\n"};
        const Result<QByteArray> iso = SeedIso::build(seed);
        QVERIFY2(iso.ok(), qPrintable(iso ? QString() : iso.error().text()));
        QCOMPARE(iso.value().size() % 2048, 0);
        const Result<ImageHeader::Image> image = ImageHeader::inspect(iso.value(), quint64(iso.value().size()));
        QVERIFY(image.ok());
        QCOMPARE(image.value().format, ImageHeader::Format::Iso);

        const QString path = m_dir.filePath(u"seed.iso"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(iso.value());
        file.close();

        const QString info = xorriso({u"-indev"_s, path, u"-pvd_info"_s});
        QVERIFY2(info.contains(u"Volume Id    : cidata"_s), qPrintable(info));
        const QString listing = xorriso({u"-indev"_s, path, u"-ls"_s, u"/"_s});
        for (const QString &name : {u"'user-data'"_s, u"'meta-data'"_s, u"'network-config'"_s}) {
            QVERIFY2(listing.contains(name), qPrintable(listing));
        }
        const QString out = m_dir.filePath(u"out"_s);
        QVERIFY(!xorriso({u"-osirrox"_s, u"on"_s, u"-indev"_s, path, u"-extract"_s, u"/"_s, out}).isEmpty());
        QCOMPARE(contentsOf(out + u"/user-data"_s), seed.userData);
        QCOMPARE(contentsOf(out + u"/meta-data"_s), seed.metaData);
        QCOMPARE(contentsOf(out + u"/network-config"_s), seed.networkConfig);
    }

    // No clock in the image: its volume dates are fixed, so the same seed
    // makes the same bytes.
    void theSameSeedMakesTheSameBytes()
    {
        const CloudInit::Seed seed{.userData = "#cloud-config\n", .metaData = "instance-id: x\n"};
        const Result<QByteArray> first = SeedIso::build(seed);
        const Result<QByteArray> second = SeedIso::build(seed);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first.value() == second.value());
        const QByteArray created = first.value().mid(16 * 2048 + 813, 16); // the primary descriptor's creation date
        QCOMPARE(created, QByteArray("2000010100000000"));
    }

    void anEmptyDocumentIsAnEmptyFile()
    {
        const Result<QByteArray> iso
            = SeedIso::build(CloudInit::Seed{.userData = "#cloud-config\n", .metaData = "instance-id: x\n"});
        QVERIFY(iso.ok());
        const QString path = m_dir.filePath(u"empty.iso"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(iso.value());
        file.close();
        const QString out = m_dir.filePath(u"empty"_s);
        QVERIFY(!xorriso({u"-osirrox"_s, u"on"_s, u"-indev"_s, path, u"-extract"_s, u"/"_s, out}).isEmpty());
        QCOMPARE(contentsOf(out + u"/network-config"_s), QByteArray());
    }

    // A clone's seed starts from its parent's, read back from the node.
    void readsItsOwnSeedBack()
    {
        const CloudInit::Seed seed{.userData = "#cloud-config\nhostname: \"web-01\"\n",
            .metaData = "instance-id: \"iid-1\"\n",
            .networkConfig = QByteArray(5000, 'x')}; // more than one block
        const Result<QByteArray> iso = SeedIso::build(seed);
        QVERIFY(iso.ok());
        const Result<CloudInit::Seed> back = SeedIso::read(iso.value());
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().text()));
        QCOMPARE(back.value().userData, seed.userData);
        QCOMPARE(back.value().metaData, seed.metaData);
        QCOMPARE(back.value().networkConfig, seed.networkConfig);
    }

    // As virt-install and cloud-localds make theirs: no network-config.
    void readsAnotherToolsSeed()
    {
        QDir(m_dir.path()).mkpath(u"other"_s);
        const QString userData = m_dir.filePath(u"other/user-data"_s);
        const QString metaData = m_dir.filePath(u"other/meta-data"_s);
        for (const auto &[path, text] :
            {std::pair{userData, "#cloud-config\n"}, std::pair{metaData, "instance-id: a\n"}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        }
        const QString path = m_dir.filePath(u"other.iso"_s);
        QVERIFY(!xorriso({u"-as"_s, u"genisoimage"_s, u"-output"_s, path, u"-volid"_s, u"CIDATA"_s, u"-joliet"_s,
                             u"-rock"_s, userData, metaData})
                .isEmpty());
        const Result<CloudInit::Seed> seed = SeedIso::read(contentsOf(path));
        QVERIFY2(seed.ok(), qPrintable(seed ? QString() : seed.error().text()));
        QCOMPARE(seed.value().userData, QByteArray("#cloud-config\n"));
        QCOMPARE(seed.value().metaData, QByteArray("instance-id: a\n"));
        QCOMPARE(seed.value().networkConfig, QByteArray());

        const QString installer = m_dir.filePath(u"installer.iso"_s);
        QVERIFY(!xorriso(
            {u"-as"_s, u"genisoimage"_s, u"-output"_s, installer, u"-volid"_s, u"Debian 13"_s, u"-rock"_s, userData})
                .isEmpty());
        const Result<CloudInit::Seed> notASeed = SeedIso::read(contentsOf(installer));
        QVERIFY(!notASeed.ok());
        QVERIFY2(notASeed.error().message.contains(u"cidata"_s), qPrintable(notASeed.error().text()));
        const Result<CloudInit::Seed> garbage = SeedIso::read(QByteArray(64 * 2048, 'z'));
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error().message, u"The seed is not a CD-ROM image"_s);
    }
};

QTEST_GUILESS_MAIN(SeedIsoTest)
#include "tst_seediso.moc"
