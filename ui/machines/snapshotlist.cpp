// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "snapshotlist.h"

#include "fleet/fleet.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

namespace Flotilla
{

SnapshotList::SnapshotList(QObject *parent)
    : QObject(parent)
{
    connect(this, &SnapshotList::machineChanged, this, &SnapshotList::refresh);
}

void SnapshotList::refresh()
{
    send(MachineRequest{.kind = MachineRequest::Kind::ReadSnapshots, .uuid = m_uuid});
}

void SnapshotList::send(const MachineRequest &request)
{
    if (!m_view || m_nodeId.isEmpty() || m_uuid.isEmpty() || isBusy()) {
        return;
    }
    Fleet *fleet = m_view->fleet();
    connect(fleet, &Fleet::requestFinished, this, &SnapshotList::onFinished, Qt::UniqueConnection);
    m_request = fleet->request(m_nodeId, request);
    m_problem.clear();
    Q_EMIT busyChanged();
}

void SnapshotList::onFinished(const QString &, const MachineRequestResult &result)
{
    if (m_request == 0 || result.requestId != m_request) {
        return;
    }
    m_request = 0;
    m_problem = result.error.text();
    if (result.error.isEmpty() || !result.snapshots.isEmpty()) {
        m_depths.clear();
        m_snapshots = Snapshots::asTree(result.snapshots, &m_depths);
        Q_EMIT snapshotsChanged();
    }
    Q_EMIT busyChanged();
}

const Snapshot *SnapshotList::find(const QString &name) const
{
    const auto found = std::ranges::find_if(m_snapshots, [&](const Snapshot &each) { return each.name == name; });
    return found == m_snapshots.end() ? nullptr : &*found;
}

QVariantList SnapshotList::snapshots() const
{
    QVariantList rows;
    for (qsizetype i = 0; i < m_snapshots.size(); ++i) {
        const Snapshot &snapshot = m_snapshots.at(i);
        const int children = int(
            std::ranges::count_if(m_snapshots, [&](const Snapshot &other) { return other.parent == snapshot.name; }));
        rows.append(QVariantMap{{QStringLiteral("name"), snapshot.name},
            {QStringLiteral("description"), snapshot.description},
            {QStringLiteral("createdText"), QLocale().toString(snapshot.created.toLocalTime(), QLocale::ShortFormat)},
            {QStringLiteral("stateText"),
                snapshot.memory ? i18nc("@info snapshot kind", "disks and memory")
                                : i18nc("@info snapshot kind", "disks only")},
            {QStringLiteral("memory"), snapshot.memory}, {QStringLiteral("external"), snapshot.external},
            {QStringLiteral("current"), snapshot.current}, {QStringLiteral("depth"), m_depths.value(i)},
            {QStringLiteral("children"), children}});
    }
    return rows;
}

QString SnapshotList::nameProblem(const QString &name) const
{
    if (const QString wrong = Snapshots::nameProblem(name); !wrong.isEmpty()) {
        return wrong;
    }
    return find(name) ? i18nc("@info", "This machine has a snapshot named %1 already.", name) : QString();
}

QString SnapshotList::suggestedName() const
{
    QString name
        = QStringLiteral("snapshot-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"));
    const QString base = name;
    for (int n = 2; find(name); ++n) {
        name = base + QLatin1Char('-') + QString::number(n);
    }
    return name;
}

void SnapshotList::take(const QString &name, const QString &description, bool withMemory)
{
    if (const QString wrong = nameProblem(name); !wrong.isEmpty()) {
        m_problem = wrong;
        Q_EMIT busyChanged();
        return;
    }
    send(MachineRequest{.kind = MachineRequest::Kind::TakeSnapshot,
        .uuid = m_uuid,
        .snapshot = name,
        .description = description,
        .withMemory = withMemory});
}

void SnapshotList::revert(const QString &name)
{
    send(MachineRequest{.kind = MachineRequest::Kind::RevertSnapshot, .uuid = m_uuid, .snapshot = name});
}

void SnapshotList::remove(const QString &name, bool withChildren)
{
    send(MachineRequest{
        .kind = MachineRequest::Kind::DeleteSnapshot, .uuid = m_uuid, .snapshot = name, .withChildren = withChildren});
}

QString SnapshotList::revertLoss(const QString &name) const
{
    const Snapshot *snapshot = find(name);
    if (!snapshot) {
        return {};
    }
    const QString since = KFormat().formatRelativeDateTime(snapshot->created.toLocalTime(), QLocale::ShortFormat);
    return snapshot->memory ? i18nc("@info",
                                  "Everything the machine did since %1 is lost: its disks and its memory go back to "
                                  "that moment, and it runs on from there.",
                                  since)
                            : i18nc("@info",
                                  "Everything written to its disks since %1 is lost, and the machine is off "
                                  "afterwards: this snapshot holds no memory.",
                                  since);
}

} // namespace Flotilla
