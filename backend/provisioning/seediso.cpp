// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/seediso.h"

#include <KLocalizedString>

#include <cstdlib>
#include <cstring>
#include <memory>

#define LIBISOFS_WITHOUT_LIBBURN // libisofs then declares struct burn_source itself
#include <libisofs/libisofs.h>

namespace Flotilla::SeedIso
{

namespace
{

constexpr int blockBytes = 2048;
constexpr time_t seedTimestamp = 946684800; // 2000-01-01, UTC

Error failed(int code)
{
    return Error{.message = i18nc("@info", "Could not build the machine's seed"),
        .details = QString::fromUtf8(iso_error_to_msg(code)),
        .code = code};
}

Error unreadable(int code)
{
    return Error{.message = i18nc("@info", "Could not read the machine's seed"),
        .details = QString::fromUtf8(iso_error_to_msg(code)),
        .code = code};
}

/// libisofs is set up once per process, and told to keep its messages to itself.
bool ready()
{
    static const bool initialised = [] {
        if (iso_init() < 0) {
            return false;
        }
        char never[] = "NEVER";
        char none[] = "";
        iso_set_msgs_severities(never, never, none);
        return true;
    }();
    return initialised;
}

struct ImageUnref {
    void operator()(IsoImage *image) const { iso_image_unref(image); }
};
struct OptsFree {
    void operator()(IsoWriteOpts *opts) const { iso_write_opts_free(opts); }
};
struct SourceFree {
    void operator()(burn_source *source) const
    {
        source->free_data(source);
        free(source); // NOLINT(cppcoreguidelines-no-malloc): libisofs allocates it so
    }
};

/// Adds @p bytes as the file @p name at the image's root.
int addFile(IsoImage *image, const char *name, const QByteArray &bytes)
{
    // The stream owns the buffer and frees it with free().
    auto *buffer = static_cast<unsigned char *>(malloc(size_t(std::max<qsizetype>(bytes.size(), 1)))); // NOLINT
    if (!buffer) {
        return ISO_OUT_OF_MEM;
    }
    std::memcpy(buffer, bytes.constData(), size_t(bytes.size()));
    IsoStream *stream = nullptr;
    if (const int made = iso_memory_stream_new(buffer, size_t(bytes.size()), &stream); made < 0) {
        free(buffer); // NOLINT
        return made;
    }
    const int added = iso_image_add_new_file(image, iso_image_get_root(image), name, stream, nullptr);
    if (added < 0) {
        iso_stream_unref(stream); // else the file has taken this reference over
    }
    return added;
}

/// An image in memory as libisofs reads one. libisofs itself offers only
/// files as sources; this is its documented way to read from anywhere else.
struct MemorySource {
    static int open(IsoDataSource * /*source*/) { return ISO_SUCCESS; }
    static int close(IsoDataSource * /*source*/) { return ISO_SUCCESS; }
    static void freeData(IsoDataSource * /*source*/) { } // the bytes are the caller's
    static int readBlock(IsoDataSource *source, uint32_t lba, uint8_t *buffer)
    {
        const auto *bytes = static_cast<const QByteArray *>(source->data);
        const qint64 at = qint64(lba) * blockBytes;
        if (at >= bytes->size()) {
            return ISO_DATA_SOURCE_FAILURE;
        }
        const qint64 count = std::min<qint64>(blockBytes, bytes->size() - at);
        std::memcpy(buffer, bytes->constData() + at, size_t(count));
        std::memset(buffer + count, 0, size_t(blockBytes - count));
        return ISO_SUCCESS;
    }
};

struct ReadOptsFree {
    void operator()(IsoReadOpts *opts) const { iso_read_opts_free(opts); }
};

/// The file @p name at the image's root, or empty when it is not there.
Result<QByteArray> readFile(IsoImage *image, const char *name)
{
    IsoNode *node = nullptr;
    if (iso_tree_path_to_node(image, QByteArray(QByteArray("/") + name).constData(), &node) != 1
        || !ISO_NODE_IS_FILE(node)) {
        return QByteArray();
    }
    IsoStream *stream = iso_file_get_stream(reinterpret_cast<IsoFile *>(node));
    const off_t size = iso_stream_get_size(stream);
    if (size > CloudInit::maxSeedBytes) {
        return Error{
            .message = i18nc("@info %1 is a file's name", "The seed's %1 is too large", QString::fromLatin1(name))};
    }
    if (const int opened = iso_stream_open(stream); opened < 0) {
        return unreadable(opened);
    }
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const int read = iso_stream_read(stream, bytes.data() + done, size_t(bytes.size() - done));
        if (read <= 0) {
            iso_stream_close(stream);
            return unreadable(read < 0 ? read : int(ISO_FILE_READ_ERROR));
        }
        done += read;
    }
    iso_stream_close(stream);
    return bytes;
}

} // namespace

Result<CloudInit::Seed> read(const QByteArray &iso)
{
    if (!ready()) {
        return unreadable(ISO_FATAL_ERROR);
    }
    IsoImage *rawImage = nullptr;
    if (const int made = iso_image_new(nullptr, &rawImage); made < 0) {
        return unreadable(made);
    }
    const std::unique_ptr<IsoImage, ImageUnref> image(rawImage);
    IsoReadOpts *rawOpts = nullptr;
    if (const int made = iso_read_opts_new(&rawOpts, 0); made < 0) {
        return unreadable(made);
    }
    const std::unique_ptr<IsoReadOpts, ReadOptsFree> opts(rawOpts);
    // The image takes a reference of its own and gives it back when it goes;
    // ours is never given back, so libisofs never frees this source.
    IsoDataSource source{.version = 0,
        .refcount = 1,
        .open = MemorySource::open,
        .close = MemorySource::close,
        .read_block = MemorySource::readBlock,
        .free_data = MemorySource::freeData,
        .data = const_cast<QByteArray *>(&iso)}; // NOLINT(cppcoreguidelines-pro-type-const-cast): only read
    // Its features are asked for although they are not used: this libisofs
    // (1.5) crashes when given no place for them, which its manual allows.
    IsoReadImageFeatures *features = nullptr;
    const int imported = iso_image_import(image.get(), &source, opts.get(), &features);
    if (features != nullptr) {
        iso_read_image_features_destroy(features);
    }
    if (imported < 0) {
        return Error{.message = i18nc("@info", "The seed is not a CD-ROM image"),
            .details = QString::fromUtf8(iso_error_to_msg(imported)),
            .code = imported};
    }
    const char *label = iso_image_get_volume_id(image.get());
    if (label == nullptr || QByteArrayView(label).compare(QByteArrayView(volumeLabel), Qt::CaseInsensitive) != 0) {
        return Error{.message = i18nc("@info", "The CD-ROM image is no cloud-init seed (its label is not “cidata”)")};
    }
    CloudInit::Seed seed;
    for (const auto &[name, bytes] : {std::pair{"user-data", &seed.userData}, std::pair{"meta-data", &seed.metaData},
             std::pair{"network-config", &seed.networkConfig}}) {
        const Result<QByteArray> file = readFile(image.get(), name);
        if (!file) {
            return file.error();
        }
        *bytes = file.value();
    }
    return seed;
}

Result<QByteArray> build(const CloudInit::Seed &seed)
{
    if (!ready()) {
        return failed(ISO_FATAL_ERROR);
    }
    IsoImage *rawImage = nullptr;
    if (const int made = iso_image_new(volumeLabel, &rawImage); made < 0) {
        return failed(made);
    }
    const std::unique_ptr<IsoImage, ImageUnref> image(rawImage);
    for (const auto &[name, bytes] : {std::pair{"user-data", &seed.userData}, std::pair{"meta-data", &seed.metaData},
             std::pair{"network-config", &seed.networkConfig}}) {
        if (const int added = addFile(image.get(), name, *bytes); added < 0) {
            return failed(added);
        }
    }
    IsoWriteOpts *rawOpts = nullptr;
    if (const int made = iso_write_opts_new(&rawOpts, 1); made < 0) { // profile 1: Rock Ridge
        return failed(made);
    }
    const std::unique_ptr<IsoWriteOpts, OptsFree> opts(rawOpts);
    iso_write_opts_set_joliet(opts.get(), 1);
    iso_write_opts_set_relaxed_vol_atts(opts.get(), 1); // keeps the label lower-case, as cloud-init matches it
    // The same seed makes the same bytes: no clock, no builder's user id in it.
    char fixedTime[] = "2000010100000000";
    iso_write_opts_set_pvd_times(opts.get(), 0, 0, 0, 0, fixedTime);
    iso_write_opts_set_replace_timestamps(opts.get(), 2);
    iso_write_opts_set_default_timestamp(opts.get(), seedTimestamp);
    iso_write_opts_set_always_gmt(opts.get(), 1);
    iso_write_opts_set_replace_mode(opts.get(), 1, 1, 1, 1);
    burn_source *rawSource = nullptr;
    if (const int made = iso_image_create_burn_source(image.get(), opts.get(), &rawSource); made < 0) {
        return failed(made);
    }
    const std::unique_ptr<burn_source, SourceFree> source(rawSource);
    QByteArray iso;
    unsigned char block[blockBytes];
    for (;;) {
        const int read = source->read_xt(source.get(), block, blockBytes);
        if (read < 0) {
            return failed(ISO_WRITE_ERROR);
        }
        if (read == 0) {
            break;
        }
        iso.append(reinterpret_cast<const char *>(block), read);
    }
    return iso;
}

} // namespace Flotilla::SeedIso
