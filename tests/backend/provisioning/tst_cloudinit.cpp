// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/cloudinit.h"
#include "provisioning/sshkey.h"
#include "provisioning/yamltree.h"
#include "workloads/k3scluster.h"
#include "workloads/machinetemplate.h"
#include "workloads/workloadsecrets.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <crypt.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Flotilla::MachineSetup)
Q_DECLARE_METATYPE(Flotilla::StaticAddress)

namespace
{

/// An ed25519 public key line with @p comment: the type, then base64 of the
/// type (length first) and 32 bytes, as OpenSSH writes it.
QString ed25519Key(const QString &comment, char fill = 'k')
{
    QByteArray blob;
    const auto field = [&blob](const QByteArray &bytes) {
        char length[4];
        qToBigEndian<quint32>(quint32(bytes.size()), length);
        blob.append(length, 4).append(bytes);
    };
    field("ssh-ed25519");
    field(QByteArray(32, fill));
    return u"ssh-ed25519 "_s + QString::fromLatin1(blob.toBase64())
        + (comment.isEmpty() ? QString() : u" "_s + comment);
}

} // namespace

// A machine's setup into cloud-init's documents, checked by cloud-init's own
// `cloud-init schema` (Debian's cloud-init package), with the user's own
// cloud-config merged in; and every wrong field named.
class CloudInitTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cloudInit;

    MachineSetup fullSetup() const
    {
        return MachineSetup{
            .hostname = u"web-01"_s,
            .userName = u"alice"_s,
            .passwordHash = CloudInit::hashPassword(u"correct horse"_s).value(),
            .sshKeys = {ed25519Key(u"alice@laptop"_s), ed25519Key({}, 'j')},
            .packages = {u"nginx"_s, u"qemu-guest-agent"_s},
            .commands = {u"systemctl enable --now nginx"_s, u"echo 'done: yes' > /root/done"_s},
            .timezone = u"Europe/Helsinki"_s,
        };
    }

    /// Whether `cloud-init schema` finds @p document valid as @p type.
    void expectValid(const QByteArray &document, const QString &type)
    {
        const QString path = m_dir.filePath(type + u".yaml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(document);
        file.close();
        QProcess schema;
        schema.start(m_cloudInit, {u"schema"_s, u"-t"_s, type, u"-c"_s, path});
        QVERIFY(schema.waitForFinished(60000));
        const QByteArray said = schema.readAllStandardOutput() + schema.readAllStandardError();
        QVERIFY2(
            schema.exitCode() == 0 && said.contains("Valid schema"), QByteArray(said + "\n" + document).constData());
    }

    static YamlNode parsed(const QByteArray &document)
    {
        const Result<YamlNode> root = Yaml::parse(document);
        return root ? root.value() : YamlNode{};
    }

    static QStringList valuesOf(const YamlNode *list)
    {
        QStringList values;
        for (const YamlNode &item : list ? list->items : QList<YamlNode>{}) {
            values.append(item.value);
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cloudInit = QStandardPaths::findExecutable(u"cloud-init"_s);
        QVERIFY2(!m_cloudInit.isEmpty(), "cloud-init (Debian's cloud-init package) is needed to check the documents");
    }

    void aFullSetupIsValidCloudConfig()
    {
        const Result<CloudInit::Seed> seed = CloudInit::seed(fullSetup(), u"iid-1234"_s, u"52:54:00:AB:CD:EF"_s);
        QVERIFY2(seed.ok(), qPrintable(seed ? QString() : seed.error().text()));
        QVERIFY(seed.value().userData.startsWith("#cloud-config\n"));
        expectValid(seed.value().userData, u"cloud-config"_s);
        expectValid(seed.value().networkConfig, u"network-config"_s);

        const YamlNode config = parsed(seed.value().userData);
        QCOMPARE(config.find(u"hostname"_s)->value, u"web-01"_s);
        const YamlNode &user = config.find(u"users"_s)->items.first();
        QCOMPARE(user.find(u"name"_s)->value, u"alice"_s);
        QVERIFY(user.find(u"hashed_passwd"_s)->value.startsWith(u"$6$"_s));
        QCOMPARE(valuesOf(user.find(u"ssh_authorized_keys"_s)).size(), 2);
        QVERIFY(valuesOf(user.find(u"ssh_authorized_keys"_s)).first().endsWith(u" alice@laptop"_s));
        QCOMPARE(valuesOf(config.find(u"runcmd"_s)).last(), u"echo 'done: yes' > /root/done"_s);
        QVERIFY(!seed.value().userData.contains("correct horse"));

        const YamlNode meta = parsed(seed.value().metaData);
        QCOMPARE(meta.find(u"instance-id"_s)->value, u"iid-1234"_s);
        QCOMPARE(meta.find(u"local-hostname"_s)->value, u"web-01"_s);
        const YamlNode network = parsed(seed.value().networkConfig);
        const YamlNode *primary = network.find(u"ethernets"_s)->find(u"primary"_s);
        QCOMPARE(primary->find(u"match"_s)->find(u"macaddress"_s)->value, u"52:54:00:ab:cd:ef"_s);
        QCOMPARE(primary->find(u"dhcp4"_s)->value, u"true"_s);
    }

    // The clone's seed: a new instance id, its own name and MAC address, the
    // rest (users, keys, packages) the parent's; still valid for cloud-init.
    void aClonesSeedIsANewMachines()
    {
        MachineSetup setup = fullSetup();
        setup.ownConfig = u"fqdn: web-01.example.org\n"_s;
        const Result<CloudInit::Seed> parent = CloudInit::seed(setup, u"iid-parent"_s, u"52:54:00:AB:CD:EF"_s);
        QVERIFY(parent.ok());
        const Result<CloudInit::Seed> clone = CloudInit::forClone(parent.value(), u"web-02"_s, u"iid-clone"_s,
            {{u"52:54:00:ab:cd:ef"_s, u"52:54:00:12:34:56"_s}, {u"52:54:00:00:00:09"_s, u"52:54:00:00:00:10"_s}});
        QVERIFY2(clone.ok(), qPrintable(clone ? QString() : clone.error().text()));
        expectValid(clone.value().userData, u"cloud-config"_s);
        expectValid(clone.value().networkConfig, u"network-config"_s);
        const YamlNode meta = parsed(clone.value().metaData);
        QCOMPARE(meta.find(u"instance-id"_s)->value, u"iid-clone"_s);
        QCOMPARE(meta.find(u"local-hostname"_s)->value, u"web-02"_s);
        const YamlNode config = parsed(clone.value().userData);
        QCOMPARE(config.find(u"hostname"_s)->value, u"web-02"_s);
        QCOMPARE(config.find(u"fqdn"_s)->value, u"web-02.example.org"_s);
        QCOMPARE(config.find(u"users"_s)->items.first().find(u"name"_s)->value, u"alice"_s);
        QCOMPARE(valuesOf(config.find(u"packages"_s)), setup.packages);
        const YamlNode network = parsed(clone.value().networkConfig);
        const YamlNode *primary = network.find(u"ethernets"_s)->find(u"primary"_s);
        QCOMPARE(primary->find(u"match"_s)->find(u"macaddress"_s)->value, u"52:54:00:12:34:56"_s);
        QVERIFY(!clone.value().networkConfig.contains("ab:cd:ef"));

        // Another tool's seed: a script for user-data, no network-config, and
        // meta-data that named no host.
        const CloudInit::Seed script{.userData = "#!/bin/sh\necho hello\n", .metaData = "instance-id: i-1\n"};
        const Result<CloudInit::Seed> scripted = CloudInit::forClone(script, u"web-03"_s, u"i-2"_s, {});
        QVERIFY(scripted.ok());
        QCOMPARE(scripted.value().userData, script.userData);
        QCOMPARE(scripted.value().networkConfig, QByteArray());
        QCOMPARE(parsed(scripted.value().metaData).find(u"local-hostname"_s)->value, u"web-03"_s);
        QCOMPARE(parsed(scripted.value().metaData).find(u"instance-id"_s)->value, u"i-2"_s);

        const Result<CloudInit::Seed> broken
            = CloudInit::forClone({.metaData = "instance-id: [unclosed\n"}, u"web-04"_s, u"i-3"_s, {});
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(u"meta-data"_s), qPrintable(broken.error().text()));
    }

    void aMinimalSetupIsValid()
    {
        const MachineSetup setup{.hostname = u"db"_s, .sshKeys = {ed25519Key(u"me@desk"_s)}};
        const Result<CloudInit::Seed> seed = CloudInit::seed(setup, u"iid-2"_s, u"52:54:00:00:00:01"_s);
        QVERIFY(seed.ok());
        expectValid(seed.value().userData, u"cloud-config"_s);
        // No user named: the keys go to the image's own default user.
        QVERIFY(!parsed(seed.value().userData).find(u"users"_s));
        QCOMPARE(valuesOf(parsed(seed.value().userData).find(u"ssh_authorized_keys"_s)).size(), 1);
    }

    void aStaticAddressIsValidNetworkConfig_data()
    {
        QTest::addColumn<StaticAddress>("network");
        QTest::newRow("IPv4") << StaticAddress{u"192.0.2.10/24"_s, u"192.0.2.1"_s, {u"192.0.2.53"_s, u"9.9.9.9"_s}};
        QTest::newRow("IPv6, no gateway") << StaticAddress{u"2001:db8::10/64"_s, {}, {u"2001:db8::53"_s}};
    }

    void aStaticAddressIsValidNetworkConfig()
    {
        QFETCH(StaticAddress, network);
        MachineSetup setup = fullSetup();
        setup.staticAddress = network;
        const Result<CloudInit::Seed> seed = CloudInit::seed(setup, u"iid-3"_s, u"52:54:00:00:00:02"_s);
        QVERIFY2(seed.ok(), qPrintable(seed ? QString() : seed.error().text()));
        expectValid(seed.value().networkConfig, u"network-config"_s);
        const YamlNode written = parsed(seed.value().networkConfig);
        const YamlNode *primary = written.find(u"ethernets"_s)->find(u"primary"_s);
        QCOMPARE(valuesOf(primary->find(u"addresses"_s)), QStringList{network.address});
        QCOMPARE(!primary->find(u"routes"_s), network.gateway.isEmpty());
        QVERIFY(!primary->find(u"dhcp4"_s));
    }

    // The user's own settings join Flotilla's lists, merge into its
    // mappings, and win over its single values.
    void theUsersOwnConfigIsMergedIn()
    {
        MachineSetup setup = fullSetup();
        setup.ownConfig = u"#cloud-config\n"
                          "packages: [htop]\n"
                          "runcmd:\n  - echo mine\n"
                          "hostname: web-01-own\n"
                          "write_files:\n  - path: /etc/motd\n    content: |\n      Welcome\n"
                          "users:\n  - default\n"_s;
        const Result<CloudInit::Seed> seed = CloudInit::seed(setup, u"iid-4"_s, u"52:54:00:00:00:03"_s);
        QVERIFY(seed.ok());
        expectValid(seed.value().userData, u"cloud-config"_s);
        const YamlNode config = parsed(seed.value().userData);
        QCOMPARE(valuesOf(config.find(u"packages"_s)), (QStringList{u"nginx"_s, u"qemu-guest-agent"_s, u"htop"_s}));
        QCOMPARE(valuesOf(config.find(u"runcmd"_s)).last(), u"echo mine"_s);
        QCOMPARE(config.find(u"hostname"_s)->value, u"web-01-own"_s);
        QCOMPARE(config.find(u"users"_s)->items.size(), 2);
        QCOMPARE(config.find(u"write_files"_s)->items.first().find(u"content"_s)->value, u"Welcome\n"_s);
    }

    void namesEveryWrongField_data()
    {
        QTest::addColumn<MachineSetup>("setup");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        const MachineSetup good = fullSetup();
        const auto with = [&good](auto change) {
            MachineSetup setup = good;
            change(setup);
            return setup;
        };
        QTest::newRow("host name") << with([](MachineSetup &s) { s.hostname = u"-web_01"_s; }) << u"hostname"_s
                                   << u"hyphen"_s;
        QTest::newRow("no host name") << with([](MachineSetup &s) { s.hostname.clear(); }) << u"hostname"_s
                                      << u"host name"_s;
        QTest::newRow("user name") << with([](MachineSetup &s) { s.userName = u"Alice Smith"_s; }) << u"userName"_s
                                   << u"lower-case"_s;
        QTest::newRow("root") << with([](MachineSetup &s) { s.userName = u"root"_s; }) << u"userName"_s << u"root"_s;
        QTest::newRow("a cut key") << with([](MachineSetup &s) { s.sshKeys = {ed25519Key({}).first(40)}; })
                                   << u"sshKeys"_s << u"cut"_s;
        QTest::newRow("a private key") << with([](MachineSetup &s) {
            s.sshKeys = {u"-----BEGIN OPENSSH PRIVATE KEY-----"_s};
        }) << u"sshKeys"_s << u"private key"_s;
        QTest::newRow("an unknown key type")
            << with([](MachineSetup &s) { s.sshKeys = {u"ssh-foo AAAA x"_s}; }) << u"sshKeys"_s << u"ssh-foo"_s;
        QTest::newRow("package") << with([](MachineSetup &s) { s.packages = {u"Nginx!"_s}; }) << u"packages"_s
                                 << u"Nginx!"_s;
        QTest::newRow("time zone") << with([](MachineSetup &s) { s.timezone = u"Mars/Olympus_Mons"_s; })
                                   << u"timezone"_s << u"Mars/Olympus_Mons"_s;
        QTest::newRow("address without prefix")
            << with([](MachineSetup &s) { s.staticAddress = StaticAddress{.address = u"192.0.2.10"_s}; })
            << u"address"_s << u"prefix"_s;
        QTest::newRow("gateway outside") << with([](MachineSetup &s) {
            s.staticAddress = StaticAddress{u"192.0.2.10/24"_s, u"198.51.100.1"_s, {}};
        }) << u"gateway"_s << u"outside"_s;
        QTest::newRow("name server") << with([](MachineSetup &s) {
            s.staticAddress = StaticAddress{u"192.0.2.10/24"_s, {}, {u"dns.example"_s}};
        }) << u"nameservers"_s << u"dns.example"_s;
        QTest::newRow("own config not YAML")
            << with([](MachineSetup &s) { s.ownConfig = u"packages: [htop\nruncmd: []\n"_s; }) << u"ownConfig"_s
            << u"line 2, column"_s;
        QTest::newRow("own config a list")
            << with([](MachineSetup &s) { s.ownConfig = u"- htop\n"_s; }) << u"ownConfig"_s << u"mapping"_s;
    }

    void namesEveryWrongField()
    {
        QFETCH(MachineSetup, setup);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const QList<CloudInit::Problem> problems = CloudInit::check(setup);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, field);
        QVERIFY2(problems.first().message.contains(says), qPrintable(problems.first().message));
        QVERIFY(!CloudInit::seed(setup, u"iid"_s, u"52:54:00:00:00:04"_s).ok());
    }

    void aSeedTooLargeIsRefused()
    {
        MachineSetup setup = fullSetup();
        // Small as written, but its aliases repeat a long text 150 times.
        QString config
            = u"write_files:\n  - path: /etc/big\n    content: &big \""_s + QString(20000, u'x') + u"\"\nruncmd:\n"_s;
        for (int i = 0; i < 150; ++i) {
            config += u"  - *big\n"_s;
        }
        setup.ownConfig = config;
        const Result<CloudInit::Seed> seed = CloudInit::seed(setup, u"iid-5"_s, u"52:54:00:00:00:05"_s);
        QVERIFY(!seed.ok());
        QVERIFY2(seed.error().message.contains(u"too large"_s), qPrintable(seed.error().text()));
    }

    void thePasswordIsHashedAndChecksOut()
    {
        const Result<QString> hash = CloudInit::hashPassword(u"correct horse"_s);
        QVERIFY(hash.ok());
        QVERIFY(hash.value().startsWith(u"$6$"_s));
        QVERIFY(!hash.value().contains(u"correct"_s));
        QCOMPARE(CloudInit::hashPassword(u"correct horse"_s).value() == hash.value(), false); // a new salt each time
        crypt_data data{};
        QCOMPARE(
            QString::fromLatin1(crypt_r("correct horse", hash.value().toLatin1().constData(), &data)), hash.value());
    }

    void keepsAKeysComment()
    {
        const Result<SshKey::Key> key = SshKey::parse(u"  "_s + ed25519Key(u"alice@laptop two words"_s) + u"\n"_s);
        QVERIFY(key.ok());
        QCOMPARE(key.value().type, u"ssh-ed25519"_s);
        QCOMPARE(key.value().comment, u"alice@laptop two words"_s);
        QCOMPARE(key.value().line, ed25519Key(u"alice@laptop two words"_s));
        const Result<SshKey::Key> mixed = SshKey::parse(ed25519Key({}).replace(u"ssh-ed25519 "_s, u"ssh-rsa "_s));
        QVERIFY(!mixed.ok());
        QVERIFY2(mixed.error().details.contains(u"mixed"_s), qPrintable(mixed.error().details));
    }

    void builtInTemplatesAreValid()
    {
        // The setup each built-in template boots with, as a replica of it gets it.
        K3s::ClusterOrder cluster{
            .image = u"debian-12-genericcloud-amd64.qcow2"_s, .servers = 3, .tokenName = u"k3s-1"_s};
        QList<MachineTemplate> all = MachineTemplates::builtIns();
        all += {K3s::serverTemplate(cluster), K3s::serverTemplate(cluster, u"192.0.2.10"_s),
            K3s::agentTemplate(cluster, u"192.0.2.10"_s)};
        for (MachineTemplate made : all) {
            made.setup = WorkloadSecrets::filledIn(made.setup, {{u"k3s-1"_s, WorkloadSecrets::newToken()}});
            made.setup.hostname = made.name + u"-01"_s;
            made.setup.sshKeys = {ed25519Key(u"alice@laptop"_s)};
            const Result<CloudInit::Seed> documents = CloudInit::seed(made.setup, u"iid-1"_s, u"52:54:00:12:34:56"_s);
            QVERIFY2(documents.ok(), qPrintable(made.name));
            expectValid(documents.value().userData, u"cloud-config"_s);
            made.image = u"debian-12-genericcloud-amd64.qcow2"_s; // the one the person picks
            QVERIFY(MachineTemplates::fromJson(MachineTemplates::toJson(made)).ok());
        }
    }
};

QTEST_GUILESS_MAIN(CloudInitTest)
#include "tst_cloudinit.moc"
