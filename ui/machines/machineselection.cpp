// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "machines/machineselection.h"

#include "machines/machinefiltermodel.h"

namespace Flotilla
{

MachineSelection::MachineSelection(QObject *parent)
    : QObject(parent)
{
}

void MachineSelection::setModel(MachineFilterModel *model)
{
    if (m_model == model) {
        return;
    }
    m_model = model;
    m_beforeRange.reset();
    Q_EMIT modelChanged();
}

QStringList MachineSelection::uuids() const
{
    return QStringList(m_picked.cbegin(), m_picked.cend());
}

void MachineSelection::toggle(const QString &uuid)
{
    QSet<QString> picked = m_picked;
    if (!picked.remove(uuid)) {
        picked.insert(uuid);
    }
    m_anchor = uuid;
    m_beforeRange.reset();
    setPicked(std::move(picked));
}

void MachineSelection::selectRange(const QString &uuid)
{
    const int from = m_model ? m_model->rowOf(m_anchor) : -1;
    const int to = m_model ? m_model->rowOf(uuid) : -1;
    if (from < 0 || to < 0) {
        toggle(uuid);
        return;
    }
    if (!m_beforeRange) {
        m_beforeRange = m_picked;
    }
    QSet<QString> picked = *m_beforeRange;
    for (const QString &inRange : m_model->uuidsBetween(from, to)) {
        picked.insert(inRange);
    }
    setPicked(std::move(picked));
}

void MachineSelection::extend(int fromRow, int toRow)
{
    const QString target = uuidAt(toRow);
    if (target.isEmpty()) {
        return;
    }
    if (m_anchor.isEmpty() || m_model->rowOf(m_anchor) < 0) {
        m_anchor = uuidAt(fromRow);
        m_beforeRange.reset();
    }
    selectRange(target);
}

void MachineSelection::selectAll()
{
    if (!m_model) {
        return;
    }
    QSet<QString> picked = m_picked;
    for (const QString &uuid : m_model->uuids()) {
        picked.insert(uuid);
    }
    setPicked(std::move(picked));
}

void MachineSelection::clear()
{
    m_anchor.clear();
    m_beforeRange.reset();
    setPicked({});
}

QString MachineSelection::uuidAt(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        return {};
    }
    return m_model->uuidsBetween(row, row).value(0);
}

void MachineSelection::setPicked(QSet<QString> picked)
{
    if (picked == m_picked) {
        return;
    }
    m_picked = std::move(picked);
    ++m_revision;
    Q_EMIT changed();
}

} // namespace Flotilla
