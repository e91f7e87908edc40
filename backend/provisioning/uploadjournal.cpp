// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "provisioning/uploadjournal.h"

#include "core/processtoken.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

namespace Flotilla
{

namespace
{
/// Held while the journal is read and written again: two Flotillas of one
/// person, or two uploads of one Flotilla, change it one after the other.
class Held
{
public:
    explicit Held(const QString &path)
        : m_lock(path + QStringLiteral(".lock"))
    {
        QDir().mkpath(QFileInfo(path).path());
        m_held = m_lock.tryLock(10000);
    }
    [[nodiscard]] bool held() const { return m_held; }

private:
    QLockFile m_lock;
    bool m_held = false;
};

QJsonObject toJson(const UploadJournal::Entry &entry)
{
    return {{QStringLiteral("node"), entry.node}, {QStringLiteral("pool"), entry.pool},
        {QStringLiteral("volume"), entry.volume}, {QStringLiteral("process"), entry.process}};
}

/// The uploads this process is sending now, whatever journal they are in.
struct {
    QMutex mutex;
    QList<UploadJournal::Entry> entries;
} underWay;

UploadJournal::Entry fromJson(const QJsonObject &object)
{
    return {.node = object.value(QStringLiteral("node")).toString(),
        .pool = object.value(QStringLiteral("pool")).toString(),
        .volume = object.value(QStringLiteral("volume")).toString(),
        .process = object.value(QStringLiteral("process")).toString()};
}
} // namespace

UploadJournal::UploadJournal(QString path)
    : m_path(std::move(path))
{
}

QString UploadJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/uploads-under-way.json");
}

Result<bool> UploadJournal::begin(const Entry &entry) const
{
    const Held lock(m_path);
    if (!lock.held()) {
        return Error{.message = i18nc("@info", "Could not write down the upload in %1", m_path),
            .details = i18nc("@info", "another Flotilla holds it")};
    }
    QList<Entry> entries = read();
    entries.append(entry);
    if (Result<bool> written = write(entries); !written) {
        return written;
    }
    const QMutexLocker held(&underWay.mutex);
    underWay.entries.append(entry);
    return true;
}

void UploadJournal::end(const Entry &entry, bool settled) const
{
    {
        const QMutexLocker lock(&underWay.mutex);
        underWay.entries.removeOne(entry);
    }
    if (settled) {
        forget(entry);
    }
}

QList<UploadJournal::Entry> UploadJournal::abandoned(const QString &node) const
{
    const Held lock(m_path);
    const QMutexLocker held(&underWay.mutex);
    QList<Entry> found;
    for (const Entry &entry : read()) {
        const bool here = entry.process == ProcessToken::here();
        if (entry.node == node
            && (here ? !underWay.entries.contains(entry) : !ProcessToken::isRunning(entry.process))) {
            found.append(entry);
        }
    }
    return found;
}

void UploadJournal::forget(const Entry &entry) const
{
    const Held lock(m_path);
    QList<Entry> entries = read();
    if (entries.removeAll(entry) > 0) {
        (void)write(entries); // one left in is only deleted again (a volume that is not there is no error)
    }
}

QList<UploadJournal::Entry> UploadJournal::read() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {}; // none yet
    }
    QList<Entry> entries;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        entries.append(fromJson(value.toObject()));
    }
    return entries;
}

bool UploadJournal::isEmpty() const
{
    return !QFile::exists(m_path);
}

Result<bool> UploadJournal::write(const QList<Entry> &entries) const
{
    if (entries.isEmpty()) { // no file at all: isEmpty() is one look, not a read
        return QFile::remove(m_path) || !QFile::exists(m_path)
            ? Result<bool>(true)
            : Result<bool>(Error{.message = i18nc("@info", "Could not write down the upload in %1", m_path)});
    }
    QJsonArray array;
    for (const Entry &entry : entries) {
        array.append(toJson(entry));
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(array).toJson()) < 0 || !file.commit()) {
        return Error{
            .message = i18nc("@info", "Could not write down the upload in %1", m_path), .details = file.errorString()};
    }
    return true;
}

} // namespace Flotilla
