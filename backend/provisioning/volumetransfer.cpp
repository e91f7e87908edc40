// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/volumetransfer.h"

#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"

#include <KLocalizedString>

#include <array>

namespace Flotilla::VolumeTransfer
{

namespace
{

constexpr size_t blockBytes = 256 * 1024;

/// Both ends of the copy, as the pump sees them.
struct Pump {
    virStreamPtr in = nullptr;
    virStreamPtr out = nullptr;
    quint64 size = 0;
    quint64 done = 0;
    quint64 sent = 0;
    const std::atomic_bool *cancel = nullptr;
    const Report *report = nullptr;

    void advance(quint64 bytes)
    {
        done += bytes;
        if (*report) {
            (*report)(Progress{.doneBytes = done, .totalBytes = std::max(size, done)});
        }
    }

    /// Sends all of @p data; whether it went.
    bool sendAll(const char *data, size_t length)
    {
        while (length > 0) {
            const int written = virStreamSend(out, data, length);
            if (written <= 0) {
                return false;
            }
            data += written;
            length -= size_t(written);
        }
        return true;
    }

    /// Moves everything from the download to the upload.
    Result<bool> run()
    {
        std::array<char, blockBytes> block{};
        for (;;) {
            if (cancel->load()) {
                return Error{.message = i18nc("@info", "The copy was cancelled")};
            }
            const int got = virStreamRecvFlags(in, block.data(), block.size(), VIR_STREAM_RECV_STOP_AT_HOLE);
            if (got == 0) {
                return true; // the end
            }
            if (got > 0) {
                if (!sendAll(block.data(), size_t(got))) {
                    return Libvirt::lastError(i18nc("@info", "The target node stopped taking the volume"));
                }
                sent += quint64(got);
                advance(quint64(got));
                continue;
            }
            long long hole = 0;
            if (got != -3 || virStreamRecvHole(in, &hole, 0) < 0 || virStreamSendHole(out, hole, 0) < 0) {
                return Libvirt::lastError(i18nc("@info", "The volume's copy stopped"));
            }
            advance(quint64(hole));
        }
    }
};

/// The volume's size as stored (a qcow2 image's file, not its disk's size).
Result<quint64> storedSize(virStorageVolPtr volume)
{
    virStorageVolInfo info{};
    if (virStorageVolGetInfoFlags(volume, &info, VIR_STORAGE_VOL_GET_PHYSICAL) < 0
        && virStorageVolGetInfo(volume, &info) < 0) {
        return Libvirt::lastError(i18nc("@info", "Could not read the volume to copy"));
    }
    return quint64(info.allocation); // with GET_PHYSICAL, the file's length
}

} // namespace

Result<quint64> copy(virConnectPtr from, const QString &pool, const QString &name, virConnectPtr to,
    const QString &targetPool, const QString &targetName, const std::atomic_bool &cancel, const Report &report)
{
    const Result<Libvirt::Volume> source = NodeVolumes::volumeNamed(from, pool, name);
    if (!source) {
        return source.error();
    }
    const Result<quint64> size = storedSize(source.value().get());
    if (!size) {
        return size.error();
    }
    if (NodeVolumes::exists(to, targetPool, targetName)) {
        return Error{.message = i18nc("@info", "The pool %1 already has a volume named %2", targetPool, targetName)};
    }
    const Libvirt::Stream in(virStreamNew(from, 0));
    if (!in
        || virStorageVolDownload(source.value().get(), in.get(), 0, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node did not send the volume"));
    }
    Pump pump{.in = in.get(), .size = size.value(), .cancel = &cancel, .report = &report};
    const Result<bool> sent = NodeVolumes::createFilled(
        to, targetPool, targetName, size.value(), [to, &pump](virStorageVolPtr volume) -> Result<bool> {
            const Libvirt::Stream out(virStreamNew(to, 0));
            if (!out
                || virStorageVolUpload(volume, out.get(), 0, pump.size, VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM) < 0) {
                return Libvirt::lastError(i18nc("@info", "The target node did not take the volume"));
            }
            pump.out = out.get();
            const Result<bool> pumped = pump.run();
            if (!pumped) {
                virStreamAbort(out.get());
                return pumped;
            }
            if (virStreamFinish(out.get()) < 0) {
                return Libvirt::lastError(i18nc("@info", "The target node could not finish the volume"));
            }
            return true;
        });
    if (!sent) {
        virStreamAbort(in.get());
        return sent.error();
    }
    if (virStreamFinish(in.get()) < 0) {
        (void)NodeVolumes::remove(to, targetPool, targetName);
        return Libvirt::lastError(i18nc("@info", "The node could not finish sending the volume"));
    }
    return pump.sent;
}

} // namespace Flotilla::VolumeTransfer
