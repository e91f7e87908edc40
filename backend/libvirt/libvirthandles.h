// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "core/result.h"

#include <QByteArray>

#include <libvirt/libvirt.h>

#include <memory>

namespace Flotilla::Libvirt
{

// Owning handles for libvirt objects: each frees its object exactly once.
struct ConnectionFree {
    void operator()(virConnectPtr connection) const { virConnectClose(connection); }
};
struct DomainFree {
    void operator()(virDomainPtr domain) const { virDomainFree(domain); }
};
struct PoolFree {
    void operator()(virStoragePoolPtr pool) const { virStoragePoolFree(pool); }
};
struct DomainSnapshotFree {
    void operator()(virDomainSnapshotPtr snapshot) const { virDomainSnapshotFree(snapshot); }
};
struct NetworkFree {
    void operator()(virNetworkPtr network) const { virNetworkFree(network); }
};
struct VolumeFree {
    void operator()(virStorageVolPtr volume) const { virStorageVolFree(volume); }
};
struct StreamFree {
    void operator()(virStreamPtr stream) const { virStreamFree(stream); }
};

using Connection = std::unique_ptr<virConnect, ConnectionFree>;
using Domain = std::unique_ptr<virDomain, DomainFree>;
using Pool = std::unique_ptr<virStoragePool, PoolFree>;
using Network = std::unique_ptr<virNetwork, NetworkFree>;
using DomainSnapshot = std::unique_ptr<virDomainSnapshot, DomainSnapshotFree>;
using Volume = std::unique_ptr<virStorageVol, VolumeFree>;
using Stream = std::unique_ptr<virStream, StreamFree>;

/// Call once, on the main thread, before any session starts: initialises
/// libvirt for use from many threads, sends its errors to Flotilla's log
/// instead of stderr (Flotilla reports them itself, as values; see ErrorLog).
/// Starts libvirt's event loop thread (see EventLoop).
void initialize();

/// The calling thread's last libvirt error, with @p action ("Could not
/// list the machines") as the message and libvirt's text as the details.
Error lastError(const QString &action);

/// Takes over a string libvirt allocated (an XML description, a name) and
/// frees it; empty for none.
QByteArray takeText(char *text);

/// Takes ownership of an array libvirt allocated (virConnectListAll*),
/// wrapping each element in its handle and freeing the array itself.
template<typename Handle, typename Raw>
std::vector<Handle> adoptList(Raw *items, int count)
{
    std::vector<Handle> handles;
    if (count > 0) {
        handles.reserve(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) {
            handles.emplace_back(items[i]);
        }
    }
    free(items); // libvirt allocates with malloc: free() is its documented release
    return handles;
}

/// @p domain's UUID as text ("4b0d…-…"), empty if libvirt has none.
/// virDomainGetUUIDString formats through g_snprintf: a tenth of a
/// big node's tick went there.
QString uuidOf(virDomainPtr domain);

/// libvirt's packed version number (major * 1,000,000 + minor * 1,000 + release) as "11.3.0".
QString versionText(unsigned long packed);

} // namespace Flotilla::Libvirt
