// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "workloads/machinetemplate.h"

#include "provisioning/imagelibrary.h"

#include <KLocalizedString>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace Flotilla::MachineTemplates
{

namespace
{

constexpr int formatVersion = 1;
constexpr qsizetype longestText = 64 * 1024;
constexpr qsizetype longestList = 1000;

Error wrong(const QString &field, const QString &what)
{
    return Error{.message = i18nc("@info template file: field, what is wrong", "“%1”: %2", field, what)};
}

/// Reads the whole number @p field of @p object into @p value, within [@p least, @p most].
Result<bool> readNumber(const QJsonObject &object, const QString &field, int least, int most, int &value)
{
    if (!object.contains(field)) {
        return true; // the default stands
    }
    const QJsonValue found = object.value(field);
    const double number = found.toDouble(-1);
    if (!found.isDouble() || number != std::floor(number) || number < least || number > most) {
        return wrong(field, i18nc("@info template file", "a whole number from %1 to %2", least, most));
    }
    value = int(number);
    return true;
}

Result<bool> readText(const QJsonObject &object, const QString &field, QString &value, const QString &prefix = {})
{
    if (!object.contains(field)) {
        return true;
    }
    if (!object.value(field).isString() || object.value(field).toString().size() > longestText) {
        return wrong(prefix + field, i18nc("@info template file", "a text of at most %1 characters", longestText));
    }
    value = object.value(field).toString();
    return true;
}

Result<bool> readTexts(const QJsonObject &object, const QString &field, QStringList &values, const QString &prefix = {})
{
    if (!object.contains(field)) {
        return true;
    }
    const QJsonArray array = object.value(field).toArray();
    if (!object.value(field).isArray() || array.size() > longestList) {
        return wrong(prefix + field, i18nc("@info template file", "a list of at most %1 texts", longestList));
    }
    for (const QJsonValue &entry : array) {
        if (!entry.isString() || entry.toString().size() > longestText) {
            return wrong(prefix + field, i18nc("@info template file", "a list of texts"));
        }
        values.append(entry.toString());
    }
    return true;
}

Result<bool> onlyKnown(const QJsonObject &object, const QStringList &known, const QString &where)
{
    for (const QString &key : object.keys()) {
        if (!known.contains(key)) {
            return wrong(where + key, i18nc("@info template file", "not a field of a template"));
        }
    }
    return true;
}

Result<bool> readSetup(const QJsonObject &object, MachineSetup &setup)
{
    const QString at = QStringLiteral("setup.");
    Result<bool> read = onlyKnown(object,
        {QStringLiteral("userName"), QStringLiteral("sshKeys"), QStringLiteral("packages"), QStringLiteral("commands"),
            QStringLiteral("timezone"), QStringLiteral("cloudConfig")},
        at);
    for (const auto &[field, value] :
        {std::pair{QStringLiteral("userName"), &setup.userName}, std::pair{QStringLiteral("timezone"), &setup.timezone},
            std::pair{QStringLiteral("cloudConfig"), &setup.ownConfig}}) {
        if (read) {
            read = readText(object, field, *value, at);
        }
    }
    for (const auto &[field, values] :
        {std::pair{QStringLiteral("sshKeys"), &setup.sshKeys}, std::pair{QStringLiteral("packages"), &setup.packages},
            std::pair{QStringLiteral("commands"), &setup.commands}}) {
        if (read) {
            read = readTexts(object, field, *values, at);
        }
    }
    return read;
}

Result<bool> readCluster(const QJsonObject &object, ClusterPart &cluster)
{
    const QString at = QStringLiteral("cluster.");
    Result<bool> read
        = onlyKnown(object, {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("server")}, at);
    for (const auto &[field, value] : {std::pair{QStringLiteral("name"), &cluster.name},
             std::pair{QStringLiteral("role"), &cluster.role}, std::pair{QStringLiteral("server"), &cluster.server}}) {
        if (read) {
            read = readText(object, field, *value, at);
        }
    }
    if (read && cluster.role != QLatin1StringView("server") && cluster.role != QLatin1StringView("agent")) {
        return wrong(at + QStringLiteral("role"), i18nc("@info template file", "“server” or “agent”"));
    }
    return read;
}

/// What is wrong beyond each field alone: maximums below their starts, the setup.
Result<bool> checkWhole(const MachineTemplate &made)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9-]{0,59}$"));
    if (!allowed.match(made.name).hasMatch()) {
        return wrong(QStringLiteral("name"),
            i18nc("@info template file", "up to 60 letters, digits and “-”, starting with a letter or digit"));
    }
    if (made.image.isEmpty()) {
        return wrong(QStringLiteral("image"), i18nc("@info template file", "the base image's volume name"));
    }
    if (made.maxVcpus < made.vcpus) {
        return wrong(QStringLiteral("maxVcpus"), i18nc("@info template file", "at least vcpus"));
    }
    if (made.maxMemoryMiB < made.memoryMiB) {
        return wrong(QStringLiteral("maxMemoryMiB"), i18nc("@info template file", "at least memoryMiB"));
    }
    MachineSetup setup = made.setup;
    setup.hostname = made.name;
    const QList<CloudInit::Problem> problems = CloudInit::check(setup);
    if (!problems.isEmpty()) {
        return wrong(QStringLiteral("setup.") + problems.first().field, problems.first().message);
    }
    return true;
}

} // namespace

QByteArray toJson(const MachineTemplate &machineTemplate)
{
    const MachineSetup &setup = machineTemplate.setup;
    QJsonObject setupObject;
    setupObject.insert(QStringLiteral("userName"), setup.userName);
    setupObject.insert(QStringLiteral("sshKeys"), QJsonArray::fromStringList(setup.sshKeys));
    setupObject.insert(QStringLiteral("packages"), QJsonArray::fromStringList(setup.packages));
    setupObject.insert(QStringLiteral("commands"), QJsonArray::fromStringList(setup.commands));
    setupObject.insert(QStringLiteral("timezone"), setup.timezone);
    setupObject.insert(QStringLiteral("cloudConfig"), setup.ownConfig);
    QJsonObject object{{QStringLiteral("format"), formatVersion}, {QStringLiteral("name"), machineTemplate.name},
        {QStringLiteral("image"), machineTemplate.image}, {QStringLiteral("vcpus"), machineTemplate.vcpus},
        {QStringLiteral("maxVcpus"), machineTemplate.maxVcpus},
        {QStringLiteral("memoryMiB"), machineTemplate.memoryMiB},
        {QStringLiteral("maxMemoryMiB"), machineTemplate.maxMemoryMiB},
        {QStringLiteral("rootGiB"), machineTemplate.rootGiB},
        {QStringLiteral("linkedClone"), machineTemplate.linkedClone},
        {QStringLiteral("dataGiB"), machineTemplate.dataGiB}, {QStringLiteral("setup"), setupObject}};
    if (!machineTemplate.cluster.isEmpty()) { // only then: other templates keep their hashes
        object.insert(QStringLiteral("cluster"),
            QJsonObject{{QStringLiteral("name"), machineTemplate.cluster.name},
                {QStringLiteral("role"), machineTemplate.cluster.role},
                {QStringLiteral("server"), machineTemplate.cluster.server}});
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<MachineTemplate> fromJson(const QByteArray &json)
{
    if (json.size() > maxFileBytes) {
        return Error{.message = i18nc("@info", "A template file is at most %1 KiB; this one has %2 KiB",
                         maxFileBytes / 1024, json.size() / 1024)};
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{.message
            = i18nc("@info", "Not a template: %1 at character %2", parseError.errorString(), parseError.offset)};
    }
    if (!document.isObject()) {
        return Error{.message = i18nc("@info", "Not a template: the file holds no JSON object")};
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toInt(-1) != formatVersion) {
        return wrong(QStringLiteral("format"),
            i18nc("@info template file", "%1, the version of this file's form", formatVersion));
    }
    MachineTemplate made;
    Result<bool> read = onlyKnown(object,
        {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("image"), QStringLiteral("vcpus"),
            QStringLiteral("maxVcpus"), QStringLiteral("memoryMiB"), QStringLiteral("maxMemoryMiB"),
            QStringLiteral("rootGiB"), QStringLiteral("linkedClone"), QStringLiteral("dataGiB"),
            QStringLiteral("setup"), QStringLiteral("cluster")},
        {});
    const std::array<std::tuple<QString, int, int, int *>, 6> numbers{{
        {QStringLiteral("vcpus"), 1, 1024, &made.vcpus},
        {QStringLiteral("maxVcpus"), 1, 1024, &made.maxVcpus},
        {QStringLiteral("memoryMiB"), 64, 16 * 1024 * 1024, &made.memoryMiB},
        {QStringLiteral("maxMemoryMiB"), 64, 16 * 1024 * 1024, &made.maxMemoryMiB},
        {QStringLiteral("rootGiB"), 1, 65536, &made.rootGiB},
        {QStringLiteral("dataGiB"), 0, 65536, &made.dataGiB},
    }};
    for (const auto &[field, least, most, value] : numbers) {
        if (read) {
            read = readNumber(object, field, least, most, *value);
        }
    }
    for (const auto &[field, value] :
        {std::pair{QStringLiteral("name"), &made.name}, std::pair{QStringLiteral("image"), &made.image}}) {
        if (read) {
            read = readText(object, field, *value);
        }
    }
    if (read && object.contains(QStringLiteral("linkedClone"))) {
        if (!object.value(QStringLiteral("linkedClone")).isBool()) {
            return wrong(QStringLiteral("linkedClone"), i18nc("@info template file", "true or false"));
        }
        made.linkedClone = object.value(QStringLiteral("linkedClone")).toBool();
    }
    if (read && object.contains(QStringLiteral("setup"))) {
        if (!object.value(QStringLiteral("setup")).isObject()) {
            return wrong(QStringLiteral("setup"), i18nc("@info template file", "an object of setup fields"));
        }
        read = readSetup(object.value(QStringLiteral("setup")).toObject(), made.setup);
    }
    if (read && object.contains(QStringLiteral("cluster"))) {
        if (!object.value(QStringLiteral("cluster")).isObject()) {
            return wrong(QStringLiteral("cluster"), i18nc("@info template file", "an object: name, role, server"));
        }
        read = readCluster(object.value(QStringLiteral("cluster")).toObject(), made.cluster);
    }
    if (!read) {
        return read.error();
    }
    if (Result<bool> whole = checkWhole(made); !whole) {
        return whole.error();
    }
    return made;
}

QString hash(const MachineTemplate &machineTemplate)
{
    const QByteArray compact = QJsonDocument::fromJson(toJson(machineTemplate)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex().left(16));
}

Result<MachineTemplate> fromMachine(const Machine &machine)
{
    static const QRegularExpression notAllowed(QStringLiteral("[^A-Za-z0-9-]+"));
    QString name = machine.name;
    name = name.replace(notAllowed, QStringLiteral("-")).left(60);
    while (name.startsWith(QLatin1Char('-'))) {
        name.remove(0, 1);
    }
    if (const Result<MachineTemplate> own = fromJson(machine.metadata.templateFile.toUtf8())) {
        MachineTemplate made = own.value();
        made.name = name.isEmpty() ? made.name : name;
        return made;
    }
    constexpr quint64 MiB = 1ULL << 20;
    constexpr quint64 GiB = 1ULL << 30;
    const auto gibibytes = [](quint64 bytes) { return int(std::clamp<quint64>((bytes + GiB - 1) / GiB, 1, 65536)); };
    MachineTemplate made{.name = name,
        .image = machine.metadata.image,
        .vcpus = std::max(1, machine.vcpus),
        .maxVcpus = std::max({1, machine.vcpus, machine.maxVcpus}),
        .memoryMiB = int(std::max<quint64>(64, machine.memoryBytes / MiB)),
        .maxMemoryMiB = int(std::max<quint64>({64, machine.memoryBytes / MiB, machine.maxMemoryBytes / MiB})),
        .linkedClone = false};
    bool rootSeen = false;
    for (const Disk &disk : machine.disks) {
        if (disk.device != QLatin1StringView("disk")) {
            continue;
        }
        if (ImageLibrary::isDataVolume(QFileInfo(disk.source).fileName())) {
            made.dataGiB = gibibytes(disk.capacityBytes);
        } else if (!rootSeen) {
            rootSeen = true;
            made.rootGiB = disk.capacityBytes > 0 ? gibibytes(disk.capacityBytes) : made.rootGiB;
            made.linkedClone = !disk.backingFiles.isEmpty();
            if (made.image.isEmpty() && !disk.backingFiles.isEmpty()) {
                made.image = QFileInfo(disk.backingFiles.first()).fileName();
            }
        }
    }
    if (made.image.isEmpty()) {
        return Error{.message = i18nc("@info", "Flotilla cannot tell which image %1 was made from", machine.name),
            .details = i18nc("@info",
                "A template names the image its replicas are made from; this machine's disk has none under it.")};
    }
    if (Result<bool> whole = checkWhole(made); !whole) {
        return whole.error();
    }
    return made;
}

QList<MachineTemplate> builtIns()
{
    MachineTemplate docker{.name = QStringLiteral("docker-host"),
        .vcpus = 2,
        .maxVcpus = 4,
        .memoryMiB = 2048,
        .maxMemoryMiB = 4096,
        .rootGiB = 20};
    docker.setup.packages
        = {QStringLiteral("docker.io"), QStringLiteral("docker-compose"), QStringLiteral("qemu-guest-agent")};
    docker.setup.commands = {QStringLiteral("systemctl enable --now docker qemu-guest-agent"),
        // The image's default user (the first one it made, uid 1000) may run docker without sudo.
        QStringLiteral("sh -c 'usermod -aG docker \"$(getent passwd 1000 | cut -d: -f1)\"'")};
    return {docker};
}

QString folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/flotilla/templates");
}

Result<MachineTemplate> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{.message = i18nc("@info", "Could not read the template %1", path), .details = file.errorString()};
    }
    Result<MachineTemplate> made = fromJson(file.read(maxFileBytes + 1));
    if (!made) {
        Error error = made.error();
        error.details = error.message;
        error.message = i18nc("@info", "The template %1 cannot be used", path);
        return error;
    }
    return made;
}

Result<QString> write(const MachineTemplate &machineTemplate, const QString &folderPath)
{
    if (Result<bool> whole = checkWhole(machineTemplate); !whole) {
        return whole.error();
    }
    if (!QDir().mkpath(folderPath)) {
        return Error{.message = i18nc("@info", "Could not make the folder %1", folderPath)};
    }
    const QString path = folderPath + QLatin1Char('/') + machineTemplate.name + QStringLiteral(".json");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(machineTemplate)) < 0 || !file.commit()) {
        return Error{.message = i18nc("@info", "Could not write the template %1", path), .details = file.errorString()};
    }
    return path;
}

} // namespace Flotilla::MachineTemplates
