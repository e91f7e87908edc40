// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/imageupload.h"

#include "core/processtoken.h"
#include "libvirt/libvirthandles.h"
#include "provisioning/nodevolumes.h"
#include "provisioning/uploadjournal.h"

#include <KLocalizedString>

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Flotilla::ImageUpload
{

namespace
{

/// The file being sent, as libvirt's sparse stream callbacks see it.
struct Source {
    int fd = -1;
    quint64 size = 0;
    quint64 done = 0;
    const std::atomic_bool *cancel = nullptr;
    const Report *report = nullptr;
    bool cancelled = false;
    int readError = 0;

    void advance(quint64 bytes)
    {
        done += bytes;
        if (*report) {
            (*report)(Progress{.doneBytes = done, .totalBytes = size});
        }
    }
};

int sendData(virStreamPtr, char *data, size_t length, void *opaque)
{
    auto *source = static_cast<Source *>(opaque);
    if (source->cancel->load()) {
        source->cancelled = true;
        return -1;
    }
    const ssize_t got = ::read(source->fd, data, length);
    if (got < 0) {
        source->readError = errno;
        return -1;
    }
    source->advance(quint64(got));
    return int(got);
}

/// Whether the file is in data or in a hole at the current offset, and for how long.
int findHole(virStreamPtr, int *inData, long long *length, void *opaque)
{
    auto *source = static_cast<Source *>(opaque);
    const off_t here = ::lseek(source->fd, 0, SEEK_CUR);
    if (here < 0 || quint64(here) >= source->size) {
        *inData = 0;
        *length = 0;
        return 0;
    }
    const off_t data = ::lseek(source->fd, here, SEEK_DATA);
    if (data < 0 && errno == ENXIO) { // a hole up to the end
        *inData = 0;
        *length = static_cast<long long>(source->size) - here;
    } else if (data > here) {
        *inData = 0;
        *length = data - here;
    } else {
        const off_t hole = ::lseek(source->fd, here, SEEK_HOLE);
        *inData = 1;
        *length = (hole < 0 ? off_t(source->size) : hole) - here;
    }
    return ::lseek(source->fd, here, SEEK_SET) < 0 ? -1 : 0;
}

int skipHole(virStreamPtr, long long length, void *opaque)
{
    auto *source = static_cast<Source *>(opaque);
    if (::lseek(source->fd, length, SEEK_CUR) < 0) {
        source->readError = errno;
        return -1;
    }
    source->advance(quint64(length));
    return 0;
}

Result<bool> send(virConnectPtr connection, virStorageVolPtr volume, Source &source)
{
    const Libvirt::Stream stream(virStreamNew(connection, 0));
    if (!stream
        || virStorageVolUpload(volume, stream.get(), 0, source.size, VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node did not take the image"));
    }
    if (virStreamSparseSendAll(stream.get(), sendData, findHole, skipHole, &source) < 0) {
        Error error = Libvirt::lastError(i18nc("@info", "The image's upload stopped"));
        virStreamAbort(stream.get());
        if (source.cancelled) {
            return Error{.message = i18nc("@info", "The upload was cancelled")};
        }
        if (source.readError != 0) {
            error.details = QString::fromLocal8Bit(strerror(source.readError));
        }
        return error;
    }
    if (virStreamFinish(stream.get()) < 0) {
        return Libvirt::lastError(i18nc("@info", "The node could not finish the image"));
    }
    return true;
}

} // namespace

Result<ImageHeader::Image> upload(virConnectPtr connection, const QString &pool, const QString &name,
    const QString &path, const std::atomic_bool &cancel, const Report &report, const QString &node)
{
    const Result<ImageHeader::Image> image = ImageHeader::inspectFile(path);
    if (!image) {
        return image.error();
    }
    QFile file(path);
    struct stat status{};
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || ::fstat(file.handle(), &status) < 0) {
        return Error{.message = i18nc("@info", "Could not read “%1”", path), .details = file.errorString()};
    }
    if (NodeVolumes::exists(connection, pool, name)) {
        return Error{.message = i18nc("@info", "The pool %1 already has a volume named %2", pool, name)};
    }
    // Checked before anything is sent: the node keeps the holes as holes.
    const quint64 needed = quint64(status.st_blocks) * 512;
    const Result<quint64> room = NodeVolumes::available(connection, pool);
    if (!room) {
        return room.error();
    }
    if (room.value() < needed) {
        return Error{.message = i18nc("@info", "The pool %1 is too full for this image", pool),
            .details = i18nc("@info", "the image needs %1 bytes, and %2 are free", needed, room.value())};
    }
    Source source{.fd = file.handle(), .size = quint64(file.size()), .cancel = &cancel, .report = &report};
    const UploadJournal journal;
    const UploadJournal::Entry mark{.node = node, .pool = pool, .volume = name, .process = ProcessToken::here()};
    if (Result<bool> written = node.isEmpty() ? Result<bool>(true) : journal.begin(mark); !written) {
        return written.error();
    }
    const Result<bool> sent = NodeVolumes::createFilled(connection, pool, name, source.size,
        [connection, &source](virStorageVolPtr volume) { return send(connection, volume, source); });
    if (!node.isEmpty()) {
        // A failed upload has deleted its volume, unless the node went away first.
        journal.end(
            mark, sent.ok() || (virConnectIsAlive(connection) == 1 && !NodeVolumes::exists(connection, pool, name)));
    }
    if (!sent) {
        return sent.error();
    }
    return image;
}

} // namespace Flotilla::ImageUpload
