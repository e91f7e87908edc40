// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodepartsview.h"

#include <QUrl>
#include <QVariantList>

namespace Flotilla
{

/// A node's storage for its Storage page: its pools with their room, the
/// volumes of each with the machines that use them, and the requests that
/// create, start, stop, refresh and delete pools and create, grow and
/// delete volumes. What cannot be done is said before it is sent, where
/// the node's picture tells (a name taken, a volume in use), and by the
/// node otherwise.
class NodeStorage : public NodePartsView
{
    Q_OBJECT
    QML_ELEMENT
    /// Each: name, typeText, path, source, active, autostart, persistent,
    /// usedFraction, sizeText ("12 GiB free of 40 GiB"), volumes (a count;
    /// -1 while unknown), users (the machines on its volumes, by name).
    Q_PROPERTY(QVariantList pools READ pools NOTIFY partsChanged)
    /// The kinds of pool this node can make, each: type ("dir", "logical",
    /// "netfs"), text.
    Q_PROPERTY(QVariantList poolTypes READ poolTypes NOTIFY partsChanged)
    /// A volume is being saved to this computer (download()).
    Q_PROPERTY(bool downloading READ isDownloading NOTIFY downloadChanged)
    Q_PROPERTY(double downloadFraction READ downloadFraction NOTIFY downloadChanged)
    /// "data.qcow2: 1.2 GiB of 4.0 GiB"
    Q_PROPERTY(QString downloadText READ downloadText NOTIFY downloadChanged)

public:
    explicit NodeStorage(QObject *parent = nullptr);

    [[nodiscard]] bool isStale() const override;
    [[nodiscard]] QVariantList pools() const;
    [[nodiscard]] QVariantList poolTypes() const;
    [[nodiscard]] bool isDownloading() const { return m_download != 0; }
    [[nodiscard]] double downloadFraction() const;
    [[nodiscard]] QString downloadText() const;

    /// The volumes of @p pool, each: name, path, format, capacityText,
    /// allocationText, capacityBytes, users (machine names, joined), used.
    Q_INVOKABLE [[nodiscard]] QVariantList volumes(const QString &pool) const;
    /// Why the pool @p spec (name, type, path, volumeGroup, host, exportPath)
    /// cannot be made; empty when it can.
    Q_INVOKABLE [[nodiscard]] QString poolProblem(const QVariantMap &spec) const;
    Q_INVOKABLE void createPool(const QVariantMap &spec);
    Q_INVOKABLE void startPool(const QString &pool);
    /// Refused, naming them, while running machines use its volumes.
    Q_INVOKABLE void stopPool(const QString &pool);
    Q_INVOKABLE void refreshPool(const QString &pool);
    /// Refused while it holds volumes.
    Q_INVOKABLE void deletePool(const QString &pool);
    Q_INVOKABLE void setAutostart(const QString &pool, bool autostart);

    Q_INVOKABLE [[nodiscard]] QString volumeProblem(
        const QString &pool, const QString &name, double bytes, const QString &format) const;
    Q_INVOKABLE void createVolume(const QString &pool, const QString &name, double bytes, const QString &format);
    Q_INVOKABLE [[nodiscard]] QString resizeProblem(const QString &pool, const QString &name, double bytes) const;
    Q_INVOKABLE void resizeVolume(const QString &pool, const QString &name, double bytes);
    /// Refused, naming them, while machines use it.
    Q_INVOKABLE void deleteVolume(const QString &pool, const QString &name);
    /// A free name for a new volume in @p pool: "disk-1.qcow2".
    Q_INVOKABLE [[nodiscard]] QString suggestedVolumeName(const QString &pool, const QString &format) const;
    /// Saves the volume @p name of @p pool as the local file @p file, with
    /// its progress; how it ended comes as downloaded() or the problem.
    Q_INVOKABLE void download(const QString &pool, const QString &name, const QUrl &file);
    Q_INVOKABLE void cancelDownload();

Q_SIGNALS:
    void downloadChanged();
    /// A download ended well: the file is whole at @p path.
    void downloaded(const QString &path);

private:
    [[nodiscard]] const StoragePool *pool(const QString &name) const;
    [[nodiscard]] const NodeVolume *volume(const QString &pool, const QString &name) const;
    /// The machines on the node that use @p volume, by name; only running ones when @p runningOnly.
    [[nodiscard]] QStringList users(const NodeVolume &volume, bool runningOnly) const;
    [[nodiscard]] QStringList volumeNames(const QString &pool) const;

    QPointer<Fleet> m_heard; ///< the fleet whose jobs this hears
    quint64 m_download = 0; ///< the download's job, 0 when none
    QString m_downloadName;
    QString m_downloadPath;
    quint64 m_doneBytes = 0;
    quint64 m_totalBytes = 0;
};

} // namespace Flotilla
