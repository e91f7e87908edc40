// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/volumedownload.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"

#include <KLocalizedString>

#include <QSaveFile>

namespace Flotilla::VolumeDownload
{

namespace
{
/// The file being written, as libvirt's sparse stream callbacks see it.
struct Target {
    QSaveFile *file = nullptr;
    quint64 size = 0;
    quint64 done = 0;
    const std::atomic_bool *cancel = nullptr;
    const Report *report = nullptr;
    bool cancelled = false;

    void advance(quint64 bytes)
    {
        done += bytes;
        if (*report) {
            (*report)(Progress{.doneBytes = done, .totalBytes = std::max(size, done)});
        }
    }
};

int receiveData(virStreamPtr, const char *data, size_t length, void *opaque)
{
    auto *target = static_cast<Target *>(opaque);
    if (target->cancel->load()) {
        target->cancelled = true;
        return -1;
    }
    if (target->file->write(data, qint64(length)) != qint64(length)) {
        return -1;
    }
    target->advance(length);
    return int(length);
}

int receiveHole(virStreamPtr, long long length, void *opaque)
{
    auto *target = static_cast<Target *>(opaque);
    // A hole is skipped over; the file is grown to its full length at the end.
    if (!target->file->seek(target->file->pos() + length)) {
        return -1;
    }
    target->advance(quint64(length));
    return 0;
}
} // namespace

Result<quint64> download(virConnectPtr connection, const QString &pool, const QString &name, const QString &path,
    const std::atomic_bool &cancel, const Report &report)
{
    const Result<Libvirt::Volume> volume = NodeVolumes::volumeNamed(connection, pool, name);
    if (!volume) {
        return volume.error();
    }
    virStorageVolInfo info{};
    if (virStorageVolGetInfoFlags(volume.value().get(), &info, VIR_STORAGE_VOL_GET_PHYSICAL) < 0
        && virStorageVolGetInfo(volume.value().get(), &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the volume %1", name));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{.message = i18nc("@info", "Could not write %1", path), .details = file.errorString()};
    }
    Target target{.file = &file, .size = info.allocation, .cancel = &cancel, .report = &report};
    const Libvirt::Stream stream(virStreamNew(connection, 0));
    if (!stream
        || virStorageVolDownload(volume.value().get(), stream.get(), 0, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM)
            < 0) {
        return Libvirt::lastError(i18nc("@info", "The node did not send the volume"));
    }
    if (virStreamSparseRecvAll(stream.get(), receiveData, receiveHole, &target) < 0) {
        Error error = Libvirt::lastError(i18nc("@info", "The volume's download stopped"));
        virStreamAbort(stream.get());
        if (target.cancelled) {
            return Error{.message = i18nc("@info", "The download was cancelled")};
        }
        if (file.error() != QFileDevice::NoError) {
            error.details = file.errorString();
        }
        return error; // the QSaveFile goes without being committed: no file is left
    }
    if (virStreamFinish(stream.get()) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node could not finish sending the volume"));
    }
    if (!file.resize(qint64(target.done)) || !file.commit()) {
        return Error{.message = i18nc("@info", "Could not write %1", path), .details = file.errorString()};
    }
    return target.done;
}

} // namespace Flotilla::VolumeDownload
