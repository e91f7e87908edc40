// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace Flotilla
{

/// An image fetched from a URL into Flotilla's cache, before it goes to a
/// node (ImageUpload): with its progress, a cancel, and the SHA-256 the
/// person gave checked as the bytes arrive. A download that fails, is
/// cancelled or does not match leaves no file behind. Runs on the thread
/// it lives on, without blocking it (Qt's network access is asynchronous).
class ImageDownload : public QObject
{
    Q_OBJECT

public:
    /// Where downloads go: Flotilla's cache folder, "images".
    [[nodiscard]] static QString cacheFolder();
    /// What is wrong with @p url as an image's address, or with @p sha256
    /// as a checksum (64 hex digits, or empty for none); empty if nothing.
    [[nodiscard]] static QString checkUrl(const QUrl &url);
    [[nodiscard]] static QString checkSha256(const QString &sha256);

    explicit ImageDownload(QObject *parent = nullptr);
    ~ImageDownload() override;

    /// Starts fetching @p url into the cache as @p fileName; finished() tells how it ended.
    void start(const QUrl &url, const QString &fileName, const QString &sha256 = {});
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    /// @p totalBytes is 0 while the size is not known.
    void progress(quint64 doneBytes, quint64 totalBytes);
    /// The image's path in the cache; or, with @p path empty, why there is none.
    void finished(const QString &path, const Flotilla::Error &error);

private:
    void onReadyRead();
    void onFinished();
    void fail(const Error &error);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QString m_expected; ///< lower case; empty: not checked
    QString m_path;
    bool m_cancelled = false;
    Error m_writeError; ///< the cache could not take the bytes
};

} // namespace Flotilla
