// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imageheader.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Flotilla;
using ImageHeader::Format;
using ImageHeader::Image;

Q_DECLARE_METATYPE(Flotilla::ImageHeader::Format)

// What an image file is, read from its own bytes: images made by qemu-img
// at test time, and hostile or truncated ones made from them by hand.
class ImageHeaderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_qemuImg;

    /// A file made by `qemu-img create OPTIONS PATH SIZE`, by @p name in the test's folder.
    [[nodiscard]] QString made(const QString &name, const QStringList &options, const QString &size) const
    {
        const QString path = m_dir.filePath(name);
        QProcess qemuImg;
        qemuImg.start(
            m_qemuImg, QStringList{QStringLiteral("create"), QStringLiteral("-q")} + options + QStringList{path, size});
        if (!qemuImg.waitForFinished() || qemuImg.exitCode() != 0) {
            qWarning() << "qemu-img create failed:" << qemuImg.readAllStandardError();
            return {};
        }
        return path;
    }

    [[nodiscard]] QByteArray bytesOf(const QString &path) const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(ImageHeader::headBytes) : QByteArray();
    }

    /// A version 3 qcow2 image of 1 GiB, as qemu-img makes it.
    [[nodiscard]] QByteArray plainQcow2() const
    {
        return bytesOf(made(QStringLiteral("plain.qcow2"),
            {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-o"), QStringLiteral("compat=1.1")},
            QStringLiteral("1G")));
    }

    static Result<Image> inspected(const QByteArray &bytes)
    {
        return ImageHeader::inspect(bytes, quint64(bytes.size()));
    }

    template<typename T>
    static QByteArray patched(QByteArray bytes, qsizetype at, T value)
    {
        qToBigEndian(value, bytes.data() + at);
        return bytes;
    }

    /// A raw disk of @p bytes with @p magic at @p at.
    static QByteArray rawDisk(qsizetype bytes, qsizetype at, QByteArrayView magic)
    {
        QByteArray disk(bytes, '\0');
        disk.replace(at, magic.size(), magic.toByteArray());
        return disk;
    }

    /// An ISO 9660 image of @p blocks 2048-byte blocks, as its descriptor says.
    static QByteArray isoImage(quint32 blocks)
    {
        QByteArray iso(qsizetype(blocks) * 2048, '\0');
        char *descriptor = iso.data() + 16 * 2048;
        descriptor[0] = 1; // the primary volume descriptor
        std::memcpy(descriptor + 1, "CD001", 5);
        descriptor[6] = 1;
        qToLittleEndian<quint32>(blocks, descriptor + 80);
        qToBigEndian<quint32>(blocks, descriptor + 84);
        qToLittleEndian<quint16>(2048, descriptor + 128);
        qToBigEndian<quint16>(2048, descriptor + 130);
        return iso;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_qemuImg = QStandardPaths::findExecutable(QStringLiteral("qemu-img"));
        QVERIFY2(!m_qemuImg.isEmpty(), "qemu-img (Debian's qemu-utils) is needed to make the test images");
    }

    void readsQcow2AsQemuMakesIt_data()
    {
        QTest::addColumn<QString>("compat");
        QTest::addColumn<QString>("size");
        QTest::addColumn<quint64>("virtualBytes");
        QTest::newRow("version 2") << QStringLiteral("0.10") << QStringLiteral("20G") << (quint64(20) << 30);
        QTest::newRow("version 3") << QStringLiteral("1.1") << QStringLiteral("1G") << (quint64(1) << 30);
        QTest::newRow("version 3, odd size")
            << QStringLiteral("1.1") << QStringLiteral("1000001536") << quint64(1000001536);
    }

    void readsQcow2AsQemuMakesIt()
    {
        QFETCH(QString, compat);
        QFETCH(QString, size);
        QFETCH(quint64, virtualBytes);
        const QString path = made(QStringLiteral("made.qcow2"),
            {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-o"), QStringLiteral("compat=") + compat},
            size);
        QVERIFY(!path.isEmpty());
        const Result<Image> image = ImageHeader::inspectFile(path);
        QVERIFY2(image.ok(), qPrintable(image ? QString() : image.error().text()));
        QCOMPARE(image.value(), (Image{.format = Format::Qcow2, .virtualBytes = virtualBytes}));
        QCOMPARE(ImageHeader::formatName(image.value().format), QStringLiteral("qcow2"));
    }

    // A machine made from such an image would read the named file on its
    // node: a secret of the node's, or another machine's disk.
    void refusesAnImageThatReachesNodeFiles_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("named");
        const QString secret = m_dir.filePath(QStringLiteral("secret"));
        QFile file(secret);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(1 << 20));
        QTest::newRow("backing file") << QStringList{QStringLiteral("-b"), secret, QStringLiteral("-F"),
            QStringLiteral("raw")} << secret;
        QTest::newRow("external data file")
            << QStringList{QStringLiteral("-o"), QStringLiteral("data_file=") + m_dir.filePath(QStringLiteral("data"))}
            << m_dir.filePath(QStringLiteral("data"));
    }

    void refusesAnImageThatReachesNodeFiles()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, named);
        const QString path = made(QStringLiteral("reaching.qcow2"),
            QStringList{QStringLiteral("-f"), QStringLiteral("qcow2")} + options, QStringLiteral("1M"));
        QVERIFY(!path.isEmpty());
        const Result<Image> image = ImageHeader::inspectFile(path);
        QVERIFY(!image.ok());
        QVERIFY2(image.error().details.contains(named), qPrintable(image.error().details));
        QVERIFY2(image.error().details.contains(QStringLiteral("would read")), qPrintable(image.error().details));
    }

    void refusesAnEncryptedImage()
    {
        const QString path = made(QStringLiteral("encrypted.qcow2"),
            {QStringLiteral("--object"), QStringLiteral("secret,id=key,data=not-a-real-key"), QStringLiteral("-f"),
                QStringLiteral("qcow2"), QStringLiteral("-o"),
                QStringLiteral("encrypt.format=luks,encrypt.key-secret=key,encrypt.iter-time=10")},
            QStringLiteral("1M"));
        QVERIFY(!path.isEmpty());
        const Result<Image> image = ImageHeader::inspectFile(path);
        QVERIFY(!image.ok());
        QVERIFY2(image.error().details.contains(QStringLiteral("encrypted")), qPrintable(image.error().details));
    }

    // Every prefix of a header is refused, none is read past its end (the
    // sanitizer run checks that).
    void refusesTruncatedHeaders()
    {
        const QByteArray whole = plainQcow2();
        QVERIFY(inspected(whole).ok());
        for (const qsizetype length : {1, 3, 4, 8, 20, 71, 72, 100, 103, 104, 111}) {
            const QByteArray head = whole.first(length);
            QVERIFY2(!inspected(head).ok(), qPrintable(QString::number(length)));
        }
        const QByteArray iso = isoImage(32);
        QVERIFY(inspected(iso).ok());
        QVERIFY(!ImageHeader::inspect(iso.first(16 * 2048 + 3), 16 * 2048 + 3).ok());
        const Result<Image> cut = ImageHeader::inspect(iso.first(40000), 40000);
        QVERIFY(!cut.ok());
        QVERIFY2(cut.error().details.contains(QStringLiteral("stopped")), qPrintable(cut.error().details));
    }

    void refusesHostileHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray plain = plainQcow2();
        QVERIFY(!plain.isEmpty());
        QTest::newRow("version 99") << patched<quint32>(plain, 4, 99) << QStringLiteral("version 99");
        QTest::newRow("cluster bits 40") << patched<quint32>(plain, 20, 40) << QStringLiteral("cluster size");
        QTest::newRow("header length past its cluster")
            << patched<quint32>(plain, 100, 0xFFFFFFF8U) << QStringLiteral("impossible length");
        QTest::newRow("header length not a multiple of 8")
            << patched<quint32>(plain, 100, 105) << QStringLiteral("impossible length");
        const qsizetype extensions = qFromBigEndian<quint32>(plain.constData() + 100); // qemu-img writes some
        QTest::newRow("extension longer than the cluster")
            << patched<quint32>(plain, extensions + 4, 0xFFFFFFFFU) << QStringLiteral("past the end");
        QTest::newRow("extensions without an end") << plain.first(extensions + 8) << QStringLiteral("past the end");
        QTest::newRow("marked corrupt") << patched<quint64>(plain, 72, 2) << QStringLiteral("corrupt");
        QTest::newRow("unknown feature") << patched<quint64>(plain, 72, quint64(1) << 40)
                                         << QStringLiteral("does not know");
        QTest::newRow("backing file past the end")
            << patched<quint32>(patched<quint64>(plain, 8, 0x7FFFFFFFFFFFFFFFULL), 16, 5000)
            << QStringLiteral("backing file");
        QTest::newRow("encrypted, old style") << patched<quint32>(plain, 32, 1) << QStringLiteral("encrypted");
        QTest::newRow("no size") << patched<quint64>(plain, 24, 0) << QStringLiteral("zero");
    }

    void refusesHostileHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const Result<Image> image = inspected(bytes);
        QVERIFY(!image.ok());
        QVERIFY2(image.error().details.contains(reason), qPrintable(image.error().details));
    }

    void readsIsoAndRawDisks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Format>("format");
        QTest::newRow("ISO 9660") << isoImage(40) << Format::Iso;
        QTest::newRow("hybrid ISO (with an MBR too)") << isoImage(40).replace(510, 2, "\x55\xaa") << Format::Iso;
        QTest::newRow("MBR") << rawDisk(1 << 20, 510, QByteArrayView("\x55\xaa", 2)) << Format::Raw;
        QTest::newRow("GPT") << rawDisk(1 << 20, 512, "EFI PART") << Format::Raw;
        QTest::newRow("ext4, no partitions") << rawDisk(1 << 20, 1080, QByteArrayView("\x53\xef", 2)) << Format::Raw;
        QTest::newRow("XFS") << rawDisk(1 << 20, 0, "XFSB") << Format::Raw;
    }

    void readsIsoAndRawDisks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Format, format);
        const Result<Image> image = inspected(bytes);
        QVERIFY2(image.ok(), qPrintable(image ? QString() : image.error().text()));
        QCOMPARE(image.value(), (Image{.format = format, .virtualBytes = quint64(bytes.size())}));
    }

    void refusesWhatIsNoDisk_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("#cloud-config\nhostname: web-01\n")
                              << QStringLiteral("neither a partition table nor a file system");
        QTest::newRow("gzip") << rawDisk(4096, 0, QByteArrayView("\x1f\x8b\x08", 3)) << QStringLiteral("compressed");
        QTest::newRow("xz") << rawDisk(4096, 0,
            QByteArrayView("\xfd"
                           "7zXZ\0",
                6)) << QStringLiteral("compressed");
        QTest::newRow("VMDK") << rawDisk(4096, 0, "KDMV") << QStringLiteral("VMDK");
        QTest::newRow("VDI") << rawDisk(4096, 64, QByteArrayView("\x7f\x10\xda\xbe", 4)) << QStringLiteral("VDI");
        QTest::newRow("VHDX") << rawDisk(4096, 0, "vhdxfile") << QStringLiteral("VHDX");
        QTest::newRow("MBR, cut short") << rawDisk(1000, 510, QByteArrayView("\x55\xaa", 2))
                                        << QStringLiteral("512-byte sectors");
    }

    void refusesWhatIsNoDisk()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const Result<Image> image = inspected(bytes);
        QVERIFY(!image.ok());
        QVERIFY2(image.error().details.contains(reason), qPrintable(image.error().details));
    }

    void saysWhyAFileCannotBeRead()
    {
        const Result<Image> folder = ImageHeader::inspectFile(m_dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().message.contains(QStringLiteral("not a file")));
        const Result<Image> missing = ImageHeader::inspectFile(m_dir.filePath(QStringLiteral("missing.qcow2")));
        QVERIFY(!missing.ok());
    }
};

QTEST_GUILESS_MAIN(ImageHeaderTest)
#include "tst_imageheader.moc"
