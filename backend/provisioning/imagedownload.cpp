// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imagedownload.h"

#include <KLocalizedString>

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Flotilla
{

QString ImageDownload::cacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/images");
}

QString ImageDownload::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return i18nc("@info", "Give the image's address, such as https://example.org/image.qcow2");
    }
    if (url.scheme() != QLatin1StringView("https") && url.scheme() != QLatin1StringView("http")) {
        return i18nc("@info", "Flotilla fetches images over HTTPS or HTTP, not “%1”", url.scheme());
    }
    if (url.fileName().isEmpty()) {
        return i18nc("@info", "The address names no file");
    }
    return {};
}

QString ImageDownload::checkSha256(const QString &sha256)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!sha256.isEmpty() && !hex.match(sha256).hasMatch()) {
        return i18nc("@info", "A SHA-256 checksum is 64 hexadecimal digits");
    }
    return {};
}

ImageDownload::ImageDownload(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

ImageDownload::~ImageDownload()
{
    if (m_reply) {
        m_cancelled = true;
        m_reply->abort();
    }
}

void ImageDownload::start(const QUrl &url, const QString &fileName, const QString &sha256)
{
    if (m_reply) {
        return;
    }
    m_cancelled = false;
    m_writeError = {};
    m_hash.reset();
    m_expected = sha256.toLower();
    if (const QString problem = checkUrl(url); !problem.isEmpty()) {
        fail(Error{.message = problem});
        return;
    }
    if (!QDir().mkpath(cacheFolder())) {
        fail(Error{.message = i18nc("@info", "Could not make the folder %1", cacheFolder())});
        return;
    }
    m_path = cacheFolder() + QLatin1Char('/') + QFileInfo(fileName).fileName();
    m_file.setFileName(m_path + QStringLiteral(".part"));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(
            Error{.message = i18nc("@info", "Could not write %1", m_file.fileName()), .details = m_file.errorString()});
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &ImageDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ImageDownload::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(quint64(std::max<qint64>(received, 0)), quint64(std::max<qint64>(total, 0)));
    });
}

void ImageDownload::cancel()
{
    if (m_reply) {
        m_cancelled = true;
        m_reply->abort(); // finished() follows, and removes the part
    }
}

void ImageDownload::onReadyRead()
{
    const QByteArray bytes = m_reply->readAll();
    m_hash.addData(bytes);
    if (m_file.write(bytes) != bytes.size() && m_writeError.isEmpty()) {
        m_writeError = Error{
            .message = i18nc("@info", "Could not write %1", m_file.fileName()), .details = m_file.errorString()};
        m_reply->abort(); // finished() follows and tells
    }
}

void ImageDownload::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    if (reply->isOpen() && reply->bytesAvailable() > 0) {
        onReadyRead();
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_file.close();
    if (!m_writeError.isEmpty()) {
        m_file.remove();
        fail(std::exchange(m_writeError, {}));
        return;
    }
    if (m_cancelled) {
        m_file.remove();
        fail(Error{.message = i18nc("@info", "The download was cancelled")});
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        m_file.remove();
        fail(Error{.message = i18nc("@info", "Could not fetch the image"), .details = reply->errorString()});
        return;
    }
    const QString actual = QString::fromLatin1(m_hash.result().toHex());
    if (!m_expected.isEmpty() && actual != m_expected) {
        m_file.remove();
        fail(Error{
            .message = i18nc("@info", "The image's SHA-256 checksum does not match: nothing was sent to the node"),
            .details = i18nc("@info", "expected %1, got %2", m_expected, actual)});
        return;
    }
    QFile::remove(m_path);
    if (!m_file.rename(m_path)) {
        m_file.remove();
        fail(Error{.message = i18nc("@info", "Could not write %1", m_path), .details = m_file.errorString()});
        return;
    }
    Q_EMIT finished(m_path, {});
}

void ImageDownload::fail(const Error &error)
{
    Q_EMIT finished({}, error);
}

} // namespace Flotilla
