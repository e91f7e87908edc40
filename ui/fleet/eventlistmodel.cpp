// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleet/eventlistmodel.h"

#include "core/displayname.h"

#include <KLocalizedString>

#include <QLocale>

namespace Flotilla
{

static_assert(int(EventListModel::MachineRemoved) == int(FleetEvent::Kind::MachineRemoved));
static_assert(int(EventListModel::NodeError) == int(FleetEvent::Kind::NodeError));

EventListModel::EventListModel(FleetEvents *events, QObject *parent)
    : QAbstractListModel(parent)
{
    for (const FleetEvent &event : events->events()) {
        m_rows.prepend(event);
    }
    connect(events, &FleetEvents::recorded, this, &EventListModel::add);
}

void EventListModel::add(const FleetEvent &event)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(event);
    endInsertRows();
    if (m_rows.size() > FleetEvents::capacity) {
        beginRemoveRows({}, int(FleetEvents::capacity), int(m_rows.size() - 1));
        m_rows.resize(FleetEvents::capacity);
        endRemoveRows();
    }
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const FleetEvent &event = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return text(event);
    case KindRole:
        return int(event.kind);
    case TimeRole:
        return event.time;
    case TimeTextRole:
        return event.time.toLocalTime().date() == QDate::currentDate()
            ? QLocale().toString(event.time.toLocalTime().time(), QLocale::ShortFormat)
            : QLocale().toString(event.time.toLocalTime(), QLocale::ShortFormat);
    case NodeIdRole:
        return event.nodeId;
    case NodeNameRole:
        return displayName(event.nodeName);
    case MachineUuidRole:
        return event.machineUuid;
    case MachineNameRole:
        return displayName(event.machineName);
    case DetailsRole:
        return event.error.text();
    case ToneRole:
        return int(tone(event));
    case ExpectedRole:
        return event.expected;
    }
    return {};
}

QHash<int, QByteArray> EventListModel::roleNames() const
{
    return {
        {KindRole, "kind"},
        {TimeRole, "time"},
        {TimeTextRole, "timeText"},
        {NodeIdRole, "nodeId"},
        {NodeNameRole, "nodeName"},
        {MachineUuidRole, "machineUuid"},
        {MachineNameRole, "machineName"},
        {TextRole, "message"},
        {DetailsRole, "details"},
        {ToneRole, "tone"},
        {ExpectedRole, "expected"},
    };
}

QString EventListModel::text(const FleetEvent &event)
{
    const QString node = displayName(event.nodeName);
    const QString machine = displayName(event.machineName);
    using Kind = FleetEvent::Kind;
    switch (event.kind) {
    case Kind::NodeLost:
        return i18nc("@info event", "Lost the connection to %1", node);
    case Kind::NodeBack:
        return i18nc("@info event", "%1 is connected again", node);
    case Kind::NodeDegraded:
        return i18nc("@info event", "%1 is slow to answer", node);
    case Kind::NodeDisconnected:
        return i18nc("@info event", "You disconnected %1", node);
    case Kind::NodeError:
        return i18nc("@info event", "Could not connect to %1", node);
    case Kind::MachineStarted:
        return i18nc("@info event machine on node", "%1 started on %2", machine, node);
    case Kind::MachineStopped:
        return event.expected ? i18nc("@info event machine on node", "%1 stopped on %2", machine, node)
                              : i18nc("@info event machine on node", "%1 stopped unexpectedly on %2", machine, node);
    case Kind::MachinePaused:
        return i18nc("@info event machine on node", "%1 paused on %2", machine, node);
    case Kind::MachineResumed:
        return i18nc("@info event machine on node", "%1 resumed on %2", machine, node);
    case Kind::MachineCrashed:
        return i18nc("@info event machine on node", "%1 crashed on %2", machine, node);
    case Kind::MachineAdded:
        return i18nc("@info event machine on node", "%1 appeared on %2", machine, node);
    case Kind::MachineRemoved:
        return i18nc("@info event machine on node", "%1 was removed from %2", machine, node);
    }
    return {};
}

EventListModel::Tone EventListModel::tone(const FleetEvent &event)
{
    using Kind = FleetEvent::Kind;
    switch (event.kind) {
    case Kind::NodeBack:
    case Kind::MachineStarted:
    case Kind::MachineResumed:
        return Positive;
    case Kind::NodeLost:
    case Kind::NodeError:
    case Kind::MachineCrashed:
        return Negative;
    case Kind::NodeDegraded:
        return Warning;
    case Kind::MachineStopped:
        return event.expected ? Neutral : Negative;
    default:
        return Neutral;
    }
}

} // namespace Flotilla
