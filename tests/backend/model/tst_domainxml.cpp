// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "model/domainxml.h"
#include "model/tags.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Flotilla;

namespace
{
QByteArray testData(const QString &name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("../data/domainxml/") + name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class DomainXmlTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAFullDomain()
    {
        const Result<DomainDescription> parsed = DomainXml::parse(testData(QStringLiteral("full.xml")));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
        const DomainDescription &d = parsed.value();
        QCOMPARE(d.type, QStringLiteral("kvm"));
        QCOMPARE(d.name, QStringLiteral("nextcloud"));
        QCOMPARE(d.uuid, QStringLiteral("8f5b1c2e-3d4a-4b5c-9d6e-7f8091a2b3c4"));
        QCOMPARE(d.title, QStringLiteral("Nextcloud"));
        QCOMPARE(d.description, QStringLiteral("Files for the family & friends"));
        QCOMPARE(d.maxMemoryBytes, 16ull << 30);
        QCOMPARE(d.memoryBytes, 8ull << 30);
        QCOMPARE(d.vcpus, 4);
        QCOMPARE(d.maxVcpus, 8);

        QCOMPARE(d.disks.size(), 3);
        QCOMPARE(d.disks.at(0).target, QStringLiteral("vda"));
        QCOMPARE(d.disks.at(0).source, QStringLiteral("/var/lib/libvirt/images/nextcloud.qcow2"));
        QCOMPARE(d.disks.at(0).format, QStringLiteral("qcow2"));
        QCOMPARE(d.disks.at(0).bus, QStringLiteral("virtio"));
        QCOMPARE(d.disks.at(0).backingFiles,
            (QStringList{QStringLiteral("/var/lib/libvirt/images/debian-13.qcow2"),
                QStringLiteral("/var/lib/libvirt/images/debian-13-base.raw")}));
        QVERIFY(d.disks.at(1).backingFiles.isEmpty());
        QCOMPARE(d.disks.at(1).source, QStringLiteral("tank/nextcloud-data"));
        QCOMPARE(d.disks.at(2).device, QStringLiteral("cdrom"));
        QVERIFY(d.disks.at(2).source.isEmpty());

        QCOMPARE(d.interfaces.size(), 2);
        QCOMPARE(d.interfaces.at(0).mac, QStringLiteral("52:54:00:ab:cd:ef"));
        QCOMPARE(d.interfaces.at(0).source, QStringLiteral("default"));
        QCOMPARE(d.interfaces.at(0).model, QStringLiteral("virtio"));
        QCOMPARE(d.interfaces.at(0).target, QStringLiteral("vnet3"));
        QCOMPARE(d.interfaces.at(1).type, QStringLiteral("bridge"));
        QCOMPARE(d.interfaces.at(1).source, QStringLiteral("br0"));

        QCOMPARE(d.graphics.size(), 2);
        QCOMPARE(d.graphics.at(0).type, QStringLiteral("spice"));
        QCOMPARE(d.graphics.at(0).port, 5901);
        QCOMPARE(d.graphics.at(1).port, -1);

        // Only Flotilla's own namespace counts as Flotilla's metadata.
        QCOMPARE(d.metadata.workload, QStringLiteral("files"));
        QCOMPARE(d.metadata.tags,
            (QStringList{QStringLiteral("self-hosted"), QStringLiteral("family"), QStringLiteral("nas")}));
        QCOMPARE(d.metadata.templateName, QStringLiteral("debian-13"));
        QCOMPARE(d.metadata.replica, 2);
        QCOMPARE(d.metadata.note, QStringLiteral("Back up before upgrading"));
    }

    void rejectsBrokenInput_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("line");
        QTest::newRow("not xml") << QByteArray("{ \"domain\": 1 }") << QStringLiteral("line");
        QTest::newRow("unclosed") << QByteArray("<domain><name>a</name><uuid>1</uuid>") << QStringLiteral("line");
        QTest::newRow("wrong root") << QByteArray("<network><name>a</name></network>") << QStringLiteral("<network>");
        QTest::newRow("no uuid") << QByteArray("<domain><name>a</name></domain>")
                                 << QStringLiteral("no name or no UUID");
        QTest::newRow("unknown unit") << QByteArray(
            "<domain><name>a</name><uuid>1</uuid><memory unit='parsec'>1</memory></domain>")
                                      << QStringLiteral("parsec");
        QTest::newRow("memory overflow") << QByteArray(
            "<domain><name>a</name><uuid>1</uuid><memory unit='TiB'>99999999999</memory></domain>")
                                         << QStringLiteral("memory size");
        QTest::newRow("negative vcpus") << QByteArray("<domain><name>a</name><uuid>1</uuid><vcpu>-2</vcpu></domain>")
                                        << QStringLiteral("vCPU");
        QTest::newRow("current above maximum")
            << QByteArray("<domain><name>a</name><uuid>1</uuid><vcpu current='9'>4</vcpu></domain>")
            << QStringLiteral("vCPU");
        QTest::newRow("entity bomb") << testData(QStringLiteral("billion-laughs.xml"))
                                     << QStringLiteral("document type");
        QTest::newRow("external entity") << testData(QStringLiteral("external-entity.xml"))
                                         << QStringLiteral("document type");
    }

    void rejectsBrokenInput()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, mentions);
        const Result<DomainDescription> parsed = DomainXml::parse(xml);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().details.contains(mentions), qPrintable(parsed.error().text()));
    }

    void refusesHugeAndDeepInputQuickly()
    {
        QByteArray huge = "<domain><name>a</name><uuid>1</uuid><description>";
        huge.append(QByteArray(DomainXml::maxBytes, 'x'));
        huge.append("</description></domain>");
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!DomainXml::parse(huge).ok());

        QByteArray deep = "<domain><name>a</name><uuid>1</uuid>";
        for (int i = 0; i < 100000; ++i) {
            deep.append("<x>");
        }
        const Result<DomainDescription> parsed = DomainXml::parse(deep);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().details.contains(QStringLiteral("deep")), qPrintable(parsed.error().text()));
        QVERIFY2(clock.elapsed() < 5000, "hostile input must be refused without grinding");
    }

    void writesMetadataItReads()
    {
        const MachineMetadata metadata{.workload = QStringLiteral("k3s <prod>"),
            .tags = {QStringLiteral("kubernetes"), QStringLiteral("edge")},
            .templateName = QStringLiteral("k3s-agent"),
            .replica = 3,
            .workloadId = QStringLiteral("5b3c6a1e"),
            .templateFile = QStringLiteral(R"({"format":1,"name":"k3s-agent","setup":{"runcmd":["echo <a> & b"]}})"),
            .templateHash = QStringLiteral("0123456789abcdef"),
            .policy = QStringLiteral(R"({"replicas":3,"spread":"countries"})"),
            .lease = QStringLiteral("bob@laptop 2026-11-30T05:21:00Z"),
            .note = QStringLiteral("drain & cordon first"),
            .image = QStringLiteral("debian-13-generic.qcow2"),
            .created = QStringLiteral("2026-11-30T05:20:00Z"),
            .creator = QStringLiteral("alice@desktop"),
            .unfinished = {QStringLiteral("default/web-01-root.qcow2"), QStringLiteral("default/web-01-seed.iso")}};
        const Result<QString> written = DomainXml::metadataElement(metadata);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().text()));
        const QString xml = written.value();
        QVERIFY(!xml.contains(QStringLiteral("xmlns"))); // libvirt adds it
        QVERIFY(xml.contains(QStringLiteral("&lt;prod&gt;")));
        const Result<MachineMetadata> back = DomainXml::parseMetadataElement(xml.toUtf8());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().text()));
        QCOMPARE(back.value(), metadata);
    }

    void keepsTagsWholeBothWays()
    {
        // Every tag the rule allows comes back exactly, as one tag.
        const QStringList tags{QStringLiteral("web"), QStringLiteral("prod-tier"), QStringLiteral("k3s.agent+gpu"),
            QStringLiteral("größe_2"), QStringLiteral("東京"), QString(Tags::longest, QLatin1Char('x'))};
        const Result<QString> written = DomainXml::metadataElement(MachineMetadata{.tags = tags});
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().text()));
        const Result<MachineMetadata> back = DomainXml::parseMetadataElement(written.value().toUtf8());
        QVERIFY(back.ok());
        QCOMPARE(back.value().tags, tags);
        QCOMPARE(Tags::split(Tags::join(tags)), tags);
    }

    void refusesTagsThatWouldNotComeBack_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::newRow("space") << QStringLiteral("my tag");
        QTest::newRow("comma") << QStringLiteral("a,b");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << QString(Tags::longest + 1, QLatin1Char('x'));
        QTest::newRow("mark") << QStringLiteral("#cold");
        QTest::newRow("direction control") << QStringLiteral("abc\u202Edef");
    }

    void refusesTagsThatWouldNotComeBack()
    {
        QFETCH(QString, tag);
        QVERIFY(!Tags::problem(tag).isEmpty());
        const Result<QString> written
            = DomainXml::metadataElement(MachineMetadata{.tags = {QStringLiteral("fine"), tag}});
        QVERIFY(!written.ok());
        if (!tag.isEmpty()) {
            QVERIFY2(written.error().text().contains(tag), qPrintable(written.error().text())); // names the tag
        }
    }

    void refusesMetadataItCannotWrite_data()
    {
        QTest::addColumn<QString>("note");
        QTest::newRow("control character") << QStringLiteral("bell \x07 here");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800));
        QTest::newRow("not a character") << QString(QChar(0xFFFE));
    }

    void refusesMetadataItCannotWrite()
    {
        // XML 1.0 cannot hold these: the writer's error is an error, not broken metadata on the node.
        QFETCH(QString, note);
        const Result<QString> written = DomainXml::metadataElement(MachineMetadata{.note = note});
        QVERIFY2(!written.ok(), qPrintable(written.ok() ? written.value() : QString()));
        QCOMPARE(written.error().message, QStringLiteral("Could not write Flotilla's metadata"));
    }

    void convertsUnits_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("bytes");
        QTest::newRow("KiB") << QStringLiteral("1024") << QStringLiteral("KiB") << true << quint64(1 << 20);
        QTest::newRow("k") << QStringLiteral("2") << QStringLiteral("k") << true << quint64(2048);
        QTest::newRow("GB") << QStringLiteral("3") << QStringLiteral("GB") << true << quint64(3000000000ull);
        QTest::newRow("bytes") << QStringLiteral("7") << QStringLiteral("bytes") << true << quint64(7);
        QTest::newRow("not a number") << QStringLiteral("seven") << QStringLiteral("b") << false << quint64(0);
        QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("b") << false << quint64(0);
        QTest::newRow("unknown unit") << QStringLiteral("1") << QStringLiteral("furlong") << false << quint64(0);
    }

    void convertsUnits()
    {
        QFETCH(QString, number);
        QFETCH(QString, unit);
        QFETCH(bool, ok);
        QFETCH(quint64, bytes);
        quint64 result = 0;
        QCOMPARE(DomainXml::toBytes(number, unit, &result), ok);
        if (ok) {
            QCOMPARE(result, bytes);
        }
    }
};

QTEST_GUILESS_MAIN(DomainXmlTest)
#include "tst_domainxml.moc"
