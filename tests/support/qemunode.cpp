// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "qemunode.h"

#include "libvirt/libvirthandles.h"

#include <QDir>

#include <libvirt/virterror.h>

namespace Flotilla::Testing::QemuNode
{

Result<bool> makeFolderPool(virConnectPtr connection, const QString &pool, const QString &folder)
{
    const Libvirt::Pool there(virStoragePoolLookupByName(connection, pool.toUtf8().constData()));
    virResetLastError();
    if (there) {
        return true;
    }
    const QByteArray xml = "<pool type='dir'><name>" + pool.toUtf8() + "</name><target><path>" + folder.toUtf8()
        + "</path></target></pool>";
    if (!Libvirt::Pool(virStoragePoolCreateXML(connection, xml.constData(), 0))) {
        return Libvirt::lastError(QStringLiteral("pool"));
    }
    return true;
}

Result<HypervisorOffer> emulatedOffer(virConnectPtr connection)
{
    char *capabilities = virConnectGetDomainCapabilities(connection, nullptr, "x86_64", "q35", "qemu", 0);
    if (!capabilities) {
        return Libvirt::lastError(QStringLiteral("capabilities"));
    }
    Result<HypervisorOffer> offer = MachineDefinition::parseOffer(capabilities);
    free(capabilities); // NOLINT(cppcoreguidelines-no-malloc): libvirt's allocation
    return offer;
}

QStringList whatIsOnTheNode(virConnectPtr connection, const QString &folder)
{
    QStringList names;
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(connection, &domains, 0);
    for (const Libvirt::Domain &domain : Libvirt::adoptList<Libvirt::Domain>(domains, count)) {
        names.append(QStringLiteral("machine ") + QString::fromUtf8(virDomainGetName(domain.get())));
    }
    for (const QString &file : QDir(folder).entryList(QDir::Files)) {
        names.append(QStringLiteral("file ") + file);
    }
    names.sort();
    return names;
}

} // namespace Flotilla::Testing::QemuNode
