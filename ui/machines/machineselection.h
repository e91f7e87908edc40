// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QtQmlIntegration>

#include <optional>

namespace Flotilla
{
class MachineFilterModel;

/// The machines a person picked in a list, by UUID, picked as in a file
/// manager: one toggled (Ctrl+click, Space), a range from the machine last
/// toggled to another (Shift+click, Shift+arrows) that shrinks again when the
/// range does, or every machine shown (Ctrl+A). Ranges follow the order of
/// @c model, the list as it is shown. A machine stays picked while a search
/// hides it.
class MachineSelection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::MachineFilterModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QStringList uuids READ uuids NOTIFY changed)
    /// Grows with every change: a delegate binds to it to ask contains() again.
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    explicit MachineSelection(QObject *parent = nullptr);

    [[nodiscard]] MachineFilterModel *model() const { return m_model; }
    void setModel(MachineFilterModel *model);
    [[nodiscard]] int count() const { return int(m_picked.size()); }
    [[nodiscard]] QStringList uuids() const;
    [[nodiscard]] int revision() const { return m_revision; }

    Q_INVOKABLE [[nodiscard]] bool contains(const QString &uuid) const { return m_picked.contains(uuid); }
    /// Picks @p uuid or lets it go; it becomes the anchor of the next range.
    Q_INVOKABLE void toggle(const QString &uuid);
    /// Picks the rows shown from the anchor to @p uuid, on top of what was
    /// picked before the first range from this anchor.
    Q_INVOKABLE void selectRange(const QString &uuid);
    /// Shift+Up/Down: a range from the anchor (the machine at @p fromRow if
    /// there is none shown) to the machine at @p toRow.
    Q_INVOKABLE void extend(int fromRow, int toRow);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void modelChanged();
    void changed();

private:
    [[nodiscard]] QString uuidAt(int row) const;
    void setPicked(QSet<QString> picked);

    QPointer<MachineFilterModel> m_model;
    QSet<QString> m_picked;
    QString m_anchor;
    /// What was picked before the current range; empty optional when no range is under way.
    std::optional<QSet<QString>> m_beforeRange;
    int m_revision = 0;
};

} // namespace Flotilla
