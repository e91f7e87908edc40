// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "map/citysearchmodel.h"

#include <KLocalizedString>

namespace Flotilla
{

namespace
{

QString label(const City &city)
{
    return i18nc("@item city, country", "%1, %2", city.name, city.country);
}

} // namespace

CitySearchModel::CitySearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CitySearchModel::setText(const QString &text)
{
    if (m_text == text) {
        return;
    }
    m_text = text;
    refresh();
    Q_EMIT textChanged();
}

void CitySearchModel::setLimit(int limit)
{
    if (m_limit == limit) {
        return;
    }
    m_limit = limit;
    refresh();
    Q_EMIT limitChanged();
}

void CitySearchModel::refresh()
{
    beginResetModel();
    m_matches = CityList::bundled().search(m_text, m_limit);
    endResetModel();
}

QVariantMap CitySearchModel::nearest(double latitude, double longitude) const
{
    const std::optional<City> city = CityList::bundled().nearest(latitude, longitude);
    if (!city) {
        return {};
    }
    return {{QStringLiteral("name"), city->name}, {QStringLiteral("country"), city->country},
        {QStringLiteral("countryCode"), city->countryCode}, {QStringLiteral("latitude"), city->latitude},
        {QStringLiteral("longitude"), city->longitude}, {QStringLiteral("label"), label(*city)}};
}

int CitySearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QVariant CitySearchModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const City &city = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return label(city);
    case NameRole:
        return city.name;
    case CountryRole:
        return city.country;
    case CountryCodeRole:
        return city.countryCode;
    case LatitudeRole:
        return city.latitude;
    case LongitudeRole:
        return city.longitude;
    }
    return {};
}

QHash<int, QByteArray> CitySearchModel::roleNames() const
{
    return {{NameRole, "name"}, {CountryRole, "country"}, {CountryCodeRole, "countryCode"}, {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"}, {LabelRole, "label"}};
}

} // namespace Flotilla
