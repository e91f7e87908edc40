// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fileserver.h"
#include "provisioning/imagedownload.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// An image fetched into the cache from a server on 127.0.0.1: whole, with
// its checksum checked; a wrong checksum, a cancel or a missing file leave
// nothing in the cache.
class ImageDownloadTest : public QObject
{
    Q_OBJECT

    Testing::FileServer m_server;
    QByteArray m_image;
    QString m_sha256;

    Result<QString> fetch(const QUrl &url, const QString &sha256, bool cancel = false)
    {
        ImageDownload download;
        QSignalSpy finished(&download, &ImageDownload::finished);
        download.start(url, url.fileName(), sha256);
        if (cancel) {
            download.cancel();
        }
        if (finished.isEmpty() && !finished.wait(20000)) { // a cancel may end it at once
            return Error{.message = u"no end"_s};
        }
        const QString path = finished.first().at(0).toString();
        return path.isEmpty() ? Result<QString>(finished.first().at(1).value<Error>()) : Result<QString>(path);
    }

    static QStringList cached() { return QDir(ImageDownload::cacheFolder()).entryList(QDir::Files); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(ImageDownload::cacheFolder()).removeRecursively();
        for (int i = 0; i < 300000; ++i) { // a few MiB that are not all the same
            m_image.append(char(i * 7 % 251));
        }
        m_sha256 = QString::fromLatin1(QCryptographicHash::hash(m_image, QCryptographicHash::Sha256).toHex());
        m_server.serve(u"/debian.qcow2"_s, m_image);
    }

    void fetchesWholeAndChecked()
    {
        const Result<QString> path = fetch(m_server.url(u"/debian.qcow2"_s), m_sha256.toUpper());
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().text()));
        QFile file(path.value());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_image);
        QCOMPARE(cached(), QStringList{u"debian.qcow2"_s});
    }

    void aWrongChecksumLeavesNothing()
    {
        QVERIFY(QFile::remove(ImageDownload::cacheFolder() + u"/debian.qcow2"_s));
        const Result<QString> path = fetch(m_server.url(u"/debian.qcow2"_s), QString(64, u'0'));
        QVERIFY(!path.ok());
        QVERIFY2(path.error().message.contains(u"does not match"_s), qPrintable(path.error().text()));
        QVERIFY(path.error().details.contains(m_sha256));
        QCOMPARE(cached(), QStringList());
    }

    void aCancelLeavesNothing()
    {
        const Result<QString> path = fetch(m_server.url(u"/debian.qcow2"_s), {}, true);
        QVERIFY(!path.ok());
        QVERIFY2(path.error().message.contains(u"cancelled"_s), qPrintable(path.error().text()));
        QCOMPARE(cached(), QStringList());
    }

    void aMissingFileIsNamed()
    {
        const Result<QString> path = fetch(m_server.url(u"/nothing.qcow2"_s), {});
        QVERIFY(!path.ok());
        QVERIFY2(path.error().details.contains(u"Not Found"_s, Qt::CaseInsensitive), qPrintable(path.error().text()));
        QCOMPARE(cached(), QStringList());
    }

    void badInputIsNamed()
    {
        QVERIFY(!ImageDownload::checkUrl(QUrl(u"ftp://example.org/a.qcow2"_s)).isEmpty());
        QVERIFY(!ImageDownload::checkUrl(QUrl(u"https://example.org/"_s)).isEmpty());
        QVERIFY(!ImageDownload::checkUrl(QUrl(u"not an address"_s)).isEmpty());
        QCOMPARE(ImageDownload::checkUrl(QUrl(u"https://example.org/a.qcow2"_s)), QString());
        QVERIFY(!ImageDownload::checkSha256(u"abc"_s).isEmpty());
        QCOMPARE(ImageDownload::checkSha256(m_sha256), QString());
        QCOMPARE(ImageDownload::checkSha256({}), QString());
    }
};

QTEST_GUILESS_MAIN(ImageDownloadTest)
#include "tst_imagedownload.moc"
