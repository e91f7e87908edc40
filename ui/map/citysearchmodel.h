// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "map/citylist.h"

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The bundled cities matching what the person types, for a completion list.
class CitySearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// What the person typed; "sao" finds São Paulo.
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        CountryRole,
        CountryCodeRole,
        LatitudeRole,
        LongitudeRole,
        LabelRole, ///< "São Paulo, Brazil"
    };
    Q_ENUM(Roles)

    explicit CitySearchModel(QObject *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] int limit() const { return m_limit; }
    void setLimit(int limit);

    /// The nearest bundled city to a point within 150 km, as a map with the
    /// roles' names; an empty map if none is that near.
    Q_INVOKABLE [[nodiscard]] QVariantMap nearest(double latitude, double longitude) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void textChanged();
    void limitChanged();

private:
    void refresh();

    QString m_text;
    int m_limit = 12;
    QList<City> m_matches;
};

} // namespace Flotilla
