// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/machinetemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace
{
MachineTemplate web()
{
    return MachineTemplate{.name = u"web"_s,
        .image = u"debian-12-genericcloud-amd64.qcow2"_s,
        .vcpus = 2,
        .maxVcpus = 4,
        .memoryMiB = 2048,
        .maxMemoryMiB = 4096,
        .rootGiB = 20,
        .dataGiB = 10,
        .setup = {.userName = u"debian"_s,
            .sshKeys
            = {u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgMXrSBvNlvtFE4uzOkpQ/g3NEeXaEwck6SH4CZZA4+ alice@laptop"_s},
            .packages = {u"nginx"_s},
            .commands = {u"systemctl enable --now nginx"_s},
            .timezone = u"Europe/Helsinki"_s}};
}

/// The template's JSON with @p field set to @p value (a JSON text).
QByteArray withField(const QString &field, const QByteArray &value)
{
    QJsonObject object = QJsonDocument::fromJson(MachineTemplates::toJson(web())).object();
    object.insert(field, QJsonDocument::fromJson("[" + value + "]").array().first());
    return QJsonDocument(object).toJson();
}
} // namespace

// A person's templates as files: written and read back whole, with a hash
// that tells them apart; bad and hostile files refused, each with a clear
// reason naming the field.
class MachineTemplateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void madeFromAMachine()
    {
        constexpr quint64 GiB = 1ULL << 30;
        Machine made{.name = u"web server #1"_s,
            .vcpus = 2,
            .maxVcpus = 4,
            .memoryBytes = 2 * GiB,
            .maxMemoryBytes = 4 * GiB,
            .disks = {{.device = u"disk"_s,
                          .source = u"default/web-01-root-5b3c6a1e.qcow2"_s,
                          .backingFiles = {u"/var/lib/libvirt/images/debian-12.qcow2"_s},
                          .capacityBytes = 20 * GiB + 1},
                {.device = u"disk"_s, .source = u"data/web-01-data-5b3c6a1e.qcow2"_s, .capacityBytes = 50 * GiB},
                {.device = u"cdrom"_s, .source = u"default/web-01-seed-5b3c6a1e.iso"_s}}};
        const Result<MachineTemplate> fromDisks = MachineTemplates::fromMachine(made);
        QVERIFY2(fromDisks.ok(), qPrintable(fromDisks.ok() ? QString() : fromDisks.error().text()));
        QCOMPARE(fromDisks.value().name, u"web-server-1"_s); // what a template's name may hold
        QCOMPARE(fromDisks.value().image, u"debian-12.qcow2"_s); // the image under its root disk
        QCOMPARE(fromDisks.value().vcpus, 2);
        QCOMPARE(fromDisks.value().maxMemoryMiB, 4096);
        QCOMPARE(fromDisks.value().rootGiB, 21); // rounded up
        QVERIFY(fromDisks.value().linkedClone);
        QCOMPARE(fromDisks.value().dataGiB, 50);

        // A replica gives back its own template, setup and all, under the machine's name.
        const MachineTemplate own{
            .name = u"shop"_s, .image = u"debian-12.qcow2"_s, .setup = {.packages = {u"nginx"_s}}};
        Machine replica = made;
        replica.name = u"shop-03"_s;
        replica.metadata.templateFile = QString::fromUtf8(MachineTemplates::toJson(own));
        MachineTemplate expected = own;
        expected.name = u"shop-03"_s;
        QCOMPARE(MachineTemplates::fromMachine(replica).value(), expected);

        // Without an image under it, there is nothing to make replicas from.
        Machine plain = made;
        plain.disks.first().backingFiles.clear();
        const Result<MachineTemplate> none = MachineTemplates::fromMachine(plain);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().message, u"Flotilla cannot tell which image web server #1 was made from"_s);
    }

    void writesAndReadsBackWhole()
    {
        QTemporaryDir folder;
        const Result<QString> written = MachineTemplates::write(web(), folder.path());
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().text()));
        QCOMPARE(written.value(), folder.filePath(u"web.json"_s));
        const Result<MachineTemplate> read = MachineTemplates::read(written.value());
        QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().text()));
        QCOMPARE(read.value(), web());
        // Plain and readable: indented, with the fields by name.
        QFile file(written.value());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("\n    \"image\": \"debian-12-genericcloud-amd64.qcow2\""));
        QVERIFY(!text.contains("password")); // never a secret
    }

    void theHashTellsTemplatesApart()
    {
        QCOMPARE(MachineTemplates::hash(web()), MachineTemplates::hash(web()));
        QCOMPARE(MachineTemplates::hash(web()).size(), 16);
        MachineTemplate bigger = web();
        bigger.memoryMiB = 4096;
        QVERIFY(MachineTemplates::hash(bigger) != MachineTemplates::hash(web()));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not JSON") << QByteArray("{\"name\": \"web\",,}") << u"at character"_s;
        QTest::newRow("a list") << QByteArray("[1, 2]") << u"no JSON object"_s;
        QTest::newRow("no format") << QByteArray("{\"name\": \"web\"}") << u"“format”"_s;
        QTest::newRow("a later format") << withField(u"format"_s, "2") << u"“format”"_s;
        QTest::newRow("unknown field") << withField(u"vpcus"_s, "2") << u"“vpcus”: not a field of a template"_s;
        QTest::newRow("unknown setup field")
            << withField(u"setup"_s, "{\"password\": \"hunter2\"}") << u"“setup.password”: not a field of a template"_s;
        QTest::newRow("text for a number") << withField(u"vcpus"_s, "\"two\"") << u"“vcpus”: a whole number"_s;
        QTest::newRow("a fraction") << withField(u"memoryMiB"_s, "1024.5") << u"“memoryMiB”: a whole number"_s;
        QTest::newRow("too large") << withField(u"rootGiB"_s, "1e300") << u"“rootGiB”: a whole number from 1 to"_s;
        QTest::newRow("negative") << withField(u"dataGiB"_s, "-1") << u"“dataGiB”"_s;
        QTest::newRow("maximum below") << withField(u"maxVcpus"_s, "1") << u"“maxVcpus”: at least vcpus"_s;
        QTest::newRow("a path for a name") << withField(u"name"_s, "\"../../.bashrc\"") << u"“name”"_s;
        QTest::newRow("no image") << withField(u"image"_s, "\"\"") << u"“image”"_s;
        QTest::newRow("not true or false")
            << withField(u"linkedClone"_s, "\"yes\"") << u"“linkedClone”: true or false"_s;
        QTest::newRow("a bad key") << withField(u"setup"_s, "{\"sshKeys\": [\"ssh-ed25519 nope\"]}")
                                   << u"“setup.sshKeys”"_s;
        QTest::newRow("a list of numbers")
            << withField(u"setup"_s, "{\"packages\": [1, 2]}") << u"“setup.packages”: a list of texts"_s;
        QTest::newRow("too large a file") << QByteArray(300 * 1024, ' ') << u"at most 256 KiB"_s;
        QByteArray deep(100000, '[');
        QTest::newRow("nested deep") << deep << u"Not a template"_s;
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const Result<MachineTemplate> read = MachineTemplates::fromJson(json);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().text().contains(says), qPrintable(read.error().text()));
    }

    void aFileThatCannotBeReadIsNamed()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"broken.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{");
        file.close();
        const Result<MachineTemplate> read = MachineTemplates::read(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.contains(path), qPrintable(read.error().text()));
        QVERIFY(!MachineTemplates::read(folder.filePath(u"missing.json"_s)).ok());
    }
};

QTEST_GUILESS_MAIN(MachineTemplateTest)
#include "tst_machinetemplate.moc"
