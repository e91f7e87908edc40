// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "fleet/fleetview.h"

#include "provisioning/imagedownload.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Flotilla
{

/// A node's image library for QML (see ImageLibrary): the base images its
/// pools hold, with how many machines use each, and adding one from a
/// file on this computer, with its progress. Shown on the node's page and
/// in the create-machine wizard.
class ImageLibraryView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY fleetChanged REQUIRED)
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY nodeIdChanged)
    /// Each: key ("pool/name"), pool, name, format, virtualBytes,
    /// allocatedBytes, machines, problem (why it cannot be used; empty
    /// when it can), installer (an ISO).
    Q_PROPERTY(QVariantList images READ images NOTIFY imagesChanged)
    /// The node's pools have been read at least once.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY imagesChanged)
    /// The node's active pools, by name.
    Q_PROPERTY(QStringList pools READ pools NOTIFY imagesChanged)
    Q_PROPERTY(bool uploading READ isUploading NOTIFY uploadChanged)
    Q_PROPERTY(double uploadFraction READ uploadFraction NOTIFY uploadChanged)
    /// "1.2 GiB of 2.0 GiB, 85 MiB/s, 12 seconds left"
    Q_PROPERTY(QString uploadText READ uploadText NOTIFY uploadChanged)
    /// Why the last upload failed; empty when it did not.
    Q_PROPERTY(QString uploadError READ uploadError NOTIFY uploadChanged)

public:
    explicit ImageLibraryView(QObject *parent = nullptr);
    ~ImageLibraryView() override;

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);
    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QVariantList images() const { return m_images; }
    [[nodiscard]] bool isLoaded() const;
    [[nodiscard]] QStringList pools() const;
    [[nodiscard]] bool isUploading() const { return m_upload != 0 || m_downloading; }
    [[nodiscard]] double uploadFraction() const;
    [[nodiscard]] QString uploadText() const;
    [[nodiscard]] QString uploadError() const { return m_uploadError; }

    Q_INVOKABLE [[nodiscard]] static QString formatBytes(double bytes) { return FleetSummary::formatBytes(bytes); }
    /// Reads the node's pools again.
    Q_INVOKABLE void refresh();
    /// What is wrong with @p file as an image (ImageHeader's reasons); empty if nothing.
    Q_INVOKABLE QString checkFile(const QUrl &file) const;
    /// What is wrong with @p name as a new volume in @p pool; empty if nothing.
    Q_INVOKABLE QString checkName(const QString &pool, const QString &name) const;
    /// Sends @p file into a new volume @p name of @p pool (uploaded() or uploadError tells how it ended).
    Q_INVOKABLE void upload(const QUrl &file, const QString &pool, const QString &name);
    /// Fetches the image at @p url into Flotilla's cache, checks @p sha256
    /// (if given), then sends it as upload() does. A checksum that does not
    /// match sends nothing.
    Q_INVOKABLE void uploadFromUrl(const QUrl &url, const QString &sha256, const QString &pool, const QString &name);
    Q_INVOKABLE [[nodiscard]] static QString checkUrl(const QUrl &url) { return ImageDownload::checkUrl(url); }
    Q_INVOKABLE [[nodiscard]] static QString checkSha256(const QString &sha256)
    {
        return ImageDownload::checkSha256(sha256.trimmed());
    }
    Q_INVOKABLE void cancelUpload();

Q_SIGNALS:
    void fleetChanged();
    void nodeIdChanged();
    void imagesChanged();
    void uploadChanged();
    /// The image "pool/name" is in the library now.
    void uploaded(const QString &key);

private:
    void update();
    [[nodiscard]] const Fleet::Node *node() const;

    QPointer<FleetView> m_view;
    QString m_nodeId;
    QVariantList m_images;
    quint64 m_upload = 0; ///< the upload job under way, or 0
    QString m_uploadKey;
    quint64 m_doneBytes = 0;
    quint64 m_totalBytes = 0;
    QElapsedTimer m_uploadClock;
    QString m_uploadError;
    ImageDownload m_download;
    bool m_downloading = false;
    bool m_stockAsked = false; ///< the node's stock was asked for
};

} // namespace Flotilla
