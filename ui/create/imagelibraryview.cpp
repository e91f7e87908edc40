// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "imagelibraryview.h"

#include "fleet/fleet.h"
#include "provisioning/imageheader.h"
#include "provisioning/imagelibrary.h"

#include <KFormat>
#include <KLocalizedString>

#include <QRegularExpression>

namespace Flotilla
{

ImageLibraryView::ImageLibraryView(QObject *parent)
    : QObject(parent)
{
    connect(&m_download, &ImageDownload::progress, this, [this](quint64 done, quint64 total) {
        m_doneBytes = done;
        m_totalBytes = total;
        Q_EMIT uploadChanged();
    });
}

ImageLibraryView::~ImageLibraryView()
{
    // A download that ends as it goes tells no one: this object is half gone.
    disconnect(&m_download, nullptr, this, nullptr);
}

void ImageLibraryView::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        Fleet *fleet = m_view->fleet();
        connect(fleet, &Fleet::nodeChanged, this, [this, fleet](qsizetype index) {
            const Fleet::Node &node = fleet->nodes().at(index);
            if (node.entry.id == m_nodeId) {
                // A node that connects after the card opened is read then.
                const bool connected = isUp(node.status.state);
                if (connected && !node.hasStock && !m_stockAsked) {
                    m_stockAsked = true;
                    fleet->readStock(m_nodeId);
                }
                update();
            }
        });
        connect(fleet, &Fleet::provisioningUpdated, this, [this](const QString &, const ProvisioningUpdate &progress) {
            if (progress.jobId == m_upload && progress.totalBytes > 0) {
                m_doneBytes = progress.doneBytes;
                m_totalBytes = progress.totalBytes;
                Q_EMIT uploadChanged();
            }
        });
        connect(fleet, &Fleet::provisioningFinished, this, [this](const QString &, const ProvisioningResult &result) {
            if (result.jobId != m_upload) {
                return;
            }
            m_upload = 0;
            if (result.outcome.cancelled) {
                m_uploadError = i18nc("@info", "The upload was cancelled; nothing of it is left on the node.");
            } else if (!result.outcome.completed) {
                m_uploadError = result.outcome.failure.text();
            } else {
                Q_EMIT uploaded(m_uploadKey);
            }
            Q_EMIT uploadChanged();
        });
    }
    Q_EMIT fleetChanged();
    refresh();
}

void ImageLibraryView::setNodeId(const QString &nodeId)
{
    if (m_nodeId == nodeId) {
        return;
    }
    m_nodeId = nodeId;
    m_stockAsked = false;
    Q_EMIT nodeIdChanged();
    update();
    refresh();
}

const Fleet::Node *ImageLibraryView::node() const
{
    return m_view ? m_view->fleet()->node(m_nodeId) : nullptr;
}

bool ImageLibraryView::isLoaded() const
{
    const Fleet::Node *found = node();
    return found && found->hasStock;
}

QStringList ImageLibraryView::pools() const
{
    QStringList names;
    if (const Fleet::Node *found = node()) {
        for (const StoragePool &pool : found->pools) {
            if (pool.active) {
                names.append(pool.name);
            }
        }
    }
    return names;
}

void ImageLibraryView::refresh()
{
    const Fleet::Node *found = node();
    if (m_view && found && isUp(found->status.state)) {
        m_stockAsked = true;
        m_view->fleet()->readStock(m_nodeId);
    }
}

void ImageLibraryView::update()
{
    m_images.clear();
    if (const Fleet::Node *found = node()) {
        for (const LibraryImage &image :
            ImageLibrary::images(found->stock.volumes, found->machines.machines().values())) {
            m_images.append(
                QVariantMap{{QStringLiteral("key"), QString(image.volume.pool + QLatin1Char('/') + image.volume.name)},
                    {QStringLiteral("pool"), image.volume.pool}, {QStringLiteral("name"), image.volume.name},
                    {QStringLiteral("format"), image.volume.format},
                    {QStringLiteral("virtualBytes"), double(image.volume.capacityBytes)},
                    {QStringLiteral("allocatedBytes"), double(image.volume.allocationBytes)},
                    {QStringLiteral("machines"), image.machines}, {QStringLiteral("problem"), image.problem},
                    {QStringLiteral("installer"), image.isInstaller()}});
        }
    }
    Q_EMIT imagesChanged();
}

QString ImageLibraryView::checkFile(const QUrl &file) const
{
    if (!file.isLocalFile()) {
        return i18nc("@info", "Choose a file on this computer.");
    }
    const Result<ImageHeader::Image> image = ImageHeader::inspectFile(file.toLocalFile());
    return image ? QString() : image.error().text();
}

QString ImageLibraryView::checkName(const QString &pool, const QString &name) const
{
    static const QRegularExpression allowed(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$)"));
    if (!allowed.match(name).hasMatch()) {
        return i18nc(
            "@info", "A volume's name is letters, digits, “.”, “_”, “+” and “-”, starting with a letter or digit.");
    }
    if (const Fleet::Node *found = node()) {
        for (const NodeVolume &volume : found->stock.volumes) {
            if (volume.pool == pool && volume.name == name) {
                return i18nc("@info", "The pool %1 already has a volume named %2.", pool, name);
            }
        }
    }
    return {};
}

void ImageLibraryView::upload(const QUrl &file, const QString &pool, const QString &name)
{
    if (!m_view || m_upload != 0) {
        return;
    }
    m_uploadError.clear();
    m_doneBytes = 0;
    m_totalBytes = 0;
    m_uploadKey = pool + QLatin1Char('/') + name;
    m_uploadClock.start();
    m_upload = m_view->fleet()->provision(m_nodeId,
        ProvisioningRequest{
            .kind = ProvisioningRequest::Kind::ImageFromFile, .pool = pool, .name = name, .path = file.toLocalFile()});
    Q_EMIT uploadChanged();
}

void ImageLibraryView::uploadFromUrl(const QUrl &url, const QString &sha256, const QString &pool, const QString &name)
{
    if (!m_view || isUploading()) {
        return;
    }
    m_uploadError.clear();
    m_doneBytes = 0;
    m_totalBytes = 0;
    m_downloading = true;
    m_uploadClock.start();
    disconnect(&m_download, &ImageDownload::finished, this, nullptr);
    connect(&m_download, &ImageDownload::finished, this, [this, pool, name](const QString &path, const Error &error) {
        m_downloading = false;
        if (path.isEmpty()) {
            m_uploadError = error.text();
            Q_EMIT uploadChanged();
            return;
        }
        upload(QUrl::fromLocalFile(path), pool, name); // from the cache to the node
    });
    m_download.start(url, url.fileName(), sha256.trimmed());
    Q_EMIT uploadChanged();
}

void ImageLibraryView::cancelUpload()
{
    if (m_downloading) {
        m_download.cancel();
        return;
    }
    if (m_view && m_upload != 0) {
        m_view->fleet()->cancelProvisioning(m_upload);
    }
}

double ImageLibraryView::uploadFraction() const
{
    return m_totalBytes == 0 ? 0.0 : double(m_doneBytes) / double(m_totalBytes);
}

QString ImageLibraryView::uploadText() const
{
    if (m_totalBytes == 0) {
        return m_downloading ? i18nc("@info:progress", "Downloading…") : i18nc("@info:progress", "Reading the image…");
    }
    const KFormat format;
    const double seconds = double(std::max<qint64>(m_uploadClock.elapsed(), 1)) / 1000.0;
    const double rate = double(m_doneBytes) / seconds;
    const auto left = rate > 0 ? quint64(double(m_totalBytes - m_doneBytes) / rate * 1000.0) : 0;
    if (m_downloading) {
        return i18nc("@info:progress bytes of bytes, rate, time left", "Downloading: %1 of %2, %3/s, %4 left",
            format.formatByteSize(double(m_doneBytes)), format.formatByteSize(double(m_totalBytes)),
            format.formatByteSize(rate), format.formatSpelloutDuration(left));
    }
    return i18nc("@info:progress bytes of bytes, rate, time left", "%1 of %2, %3/s, %4 left",
        format.formatByteSize(double(m_doneBytes)), format.formatByteSize(double(m_totalBytes)),
        format.formatByteSize(rate), format.formatSpelloutDuration(left));
}

} // namespace Flotilla
