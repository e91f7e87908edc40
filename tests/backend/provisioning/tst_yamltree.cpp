// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/yamltree.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// The user's own cloud-config, read into a tree and written out again:
// what it says survives, and what cannot be read safely is refused with
// the place of the problem.
class YamlTreeTest : public QObject
{
    Q_OBJECT

    static Result<YamlNode> read(const char *text, Yaml::Limits limits = {})
    {
        return Yaml::parse(QByteArrayView(text), limits);
    }

private Q_SLOTS:
    void readsATree()
    {
        const Result<YamlNode> root = read("hostname: web-01\n"
                                           "packages: [nginx, 'curl']\n"
                                           "port: 8080\n"
                                           "keep: \"yes\"\n"
                                           "script: |\n  echo one\n  echo two\n");
        QVERIFY2(root.ok(), qPrintable(root ? QString() : root.error().text()));
        const YamlNode &tree = root.value();
        QCOMPARE(tree.kind, YamlNode::Kind::Mapping);
        QCOMPARE(tree.entries.size(), 5);
        QCOMPARE(tree.find(u"hostname"_s)->value, u"web-01"_s);
        QCOMPARE(tree.find(u"packages"_s)->items.size(), 2);
        QCOMPARE(tree.find(u"packages"_s)->items.at(1).style, YamlNode::Style::SingleQuoted);
        QCOMPARE(tree.find(u"port"_s)->style, YamlNode::Style::Plain);
        QCOMPARE(tree.find(u"keep"_s)->style, YamlNode::Style::DoubleQuoted);
        QCOMPARE(tree.find(u"script"_s)->value, u"echo one\necho two\n"_s);
        QCOMPARE(tree.find(u"script"_s)->style, YamlNode::Style::Literal);
    }

    // Written and read again, a tree is the same: a quoted "yes" stays a
    // word, a plain 8080 a number, a tag its tag.
    void writesWhatItReads()
    {
        const Result<YamlNode> root = read("a: 8080\n"
                                           "b: \"yes\"\n"
                                           "c: 'true'\n"
                                           "d: [1, two, {e: null}]\n"
                                           "f: !!binary aGVsbG8=\n"
                                           "g: \"Grüße, 世界: a colon\"\n"
                                           "h: |\n  line one\n  line two\n");
        QVERIFY(root.ok());
        const QByteArray written = Yaml::write(root.value(), "#cloud-config");
        QVERIFY(written.startsWith("#cloud-config\n"));
        QVERIFY2(written.contains("b: \"yes\""), written.constData());
        QVERIFY2(written.contains("a: 8080"), written.constData());
        QVERIFY2(written.contains("Grüße, 世界"), written.constData()); // not escaped
        const Result<YamlNode> again = Yaml::parse(written);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), root.value());
    }

    void readsAliasesIntoCopies()
    {
        const Result<YamlNode> root = read("base: &base {user: alice}\nfirst: *base\nsecond: *base\n");
        QVERIFY(root.ok());
        QCOMPARE(*root.value().find(u"second"_s), *root.value().find(u"base"_s));
        QCOMPARE(root.value().find(u"second"_s)->find(u"user"_s)->value, u"alice"_s);
    }

    void refusesWhatItCannotReadSafely_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        // "Billion laughs": nine levels of ten aliases each.
        QByteArray laughs = "a0: &a0 [lol]\n";
        for (int level = 1; level <= 9; ++level) {
            laughs += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
            for (int i = 0; i < 10; ++i) {
                laughs += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
            }
            laughs += "]\n";
        }
        QTest::newRow("aliases without bound") << laughs << u"aliases expand"_s;
        QTest::newRow("not YAML") << QByteArray("a: [1, 2\nb: 3\n") << u"line 2, column"_s;
        QTest::newRow("bad indentation") << QByteArray("users:\n  - name: a\n   shell: b\n") << u"line 3"_s;
        QTest::newRow("two documents") << QByteArray("a: 1\n---\nb: 2\n") << u"more than one document"_s;
        QTest::newRow("a key twice") << QByteArray("a: 1\nb: 2\na: 3\n")
                                     << u"line 3, column 1: the key “a” is there twice"_s;
        QTest::newRow("an unknown alias") << QByteArray("a: *nothing\n") << u"no anchor"_s;
        QTest::newRow("a list as a key") << QByteArray("? [a, b]\n: c\n") << u"plain text"_s;
        QTest::newRow("too deep") << QByteArray(200, '[') << u"deeper than"_s;
    }

    void refusesWhatItCannotReadSafely()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        const Result<YamlNode> root = Yaml::parse(text);
        QVERIFY(!root.ok());
        QVERIFY2(root.error().text().contains(reason), qPrintable(root.error().text()));
    }

    void refusesATextTooLarge()
    {
        const Result<YamlNode> root = Yaml::parse(QByteArray(2000, 'a'), Yaml::Limits{.maxBytes = 1000});
        QVERIFY(!root.ok());
        QVERIFY2(root.error().text().contains(u"larger than"_s), qPrintable(root.error().text()));
    }

    void anEmptyTextIsNull()
    {
        const Result<YamlNode> root = read("");
        QVERIFY(root.ok());
        QCOMPARE(root.value(), YamlNode::plain(QString()));
    }
};

QTEST_GUILESS_MAIN(YamlTreeTest)
#include "tst_yamltree.moc"
