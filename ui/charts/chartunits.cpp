// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// The units of ChartData: channels and units of metrics, scales, round axis
// ends and values for a person.
#include "charts/chartdata.h"

#include <KFormat>
#include <KLocalizedString>

#include <QLocale>

#include <cmath>

namespace Flotilla::ChartData
{

Unit unitOf(Metric metric)
{
    switch (metric) {
    case Metric::Cpu:
        return Unit::Percent;
    case Metric::Memory:
        return Unit::Bytes;
    default:
        return Unit::BytesPerSecond;
    }
}

QList<Channel> channelsOf(Metric metric)
{
    switch (metric) {
    case Metric::Cpu:
        return {Channel::CpuPercent};
    case Metric::Memory:
        return {Channel::MemoryUsedBytes};
    case Metric::Disk:
        return {Channel::DiskReadBytesPerSecond, Channel::DiskWriteBytesPerSecond};
    case Metric::Network:
        return {Channel::NetReceiveBytesPerSecond, Channel::NetSendBytesPerSecond};
    }
    return {};
}

Scale scaleFor(Unit unit, double maximum)
{
    if (unit == Unit::Percent) {
        return Scale{.divisor = 1, .suffix = i18nc("@label unit percent", "%")};
    }
    const QStringList bytes{i18nc("@label unit", "B"), i18nc("@label unit", "KiB"), i18nc("@label unit", "MiB"),
        i18nc("@label unit", "GiB"), i18nc("@label unit", "TiB")};
    const QStringList rates{i18nc("@label unit", "B/s"), i18nc("@label unit", "KiB/s"), i18nc("@label unit", "MiB/s"),
        i18nc("@label unit", "GiB/s"), i18nc("@label unit", "TiB/s")};
    int power = 0;
    double divisor = 1;
    while (power < 4 && maximum >= divisor * 1024) {
        divisor *= 1024;
        ++power;
    }
    return Scale{.divisor = divisor, .suffix = (unit == Unit::Bytes ? bytes : rates).at(power)};
}

double roundUp(double value)
{
    if (!(value > 0) || !std::isfinite(value)) {
        return 1;
    }
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * power >= value * (1 - 1e-9)) {
            return step * power;
        }
    }
    return 10 * power;
}

Axis axisFor(double top, const QString &suffix)
{
    const double power = top > 0 ? std::pow(10.0, std::floor(std::log10(top))) : 1;
    const double mantissa = top / power;
    // 1 → quarters (halves below 10), 2 → quarters, 2.5 and 5 → fifths
    int ticks = mantissa > 2.01 ? 6 : 5;
    if (mantissa < 1.01 && top < 10) {
        ticks = 3;
    }
    const double step = top / (ticks - 1);
    const int decimals = std::abs(step - std::round(step)) < 1e-9 ? 0
        : std::abs(step * 10 - std::round(step * 10)) < 1e-9      ? 1
                                                                  : 2;
    return Axis{.ticks = ticks,
        .labelFormat = QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f")
            + (suffix.isEmpty() ? QString() : QLatin1Char(' ') + suffix)};
}

QString format(Unit unit, double value)
{
    if (std::isnan(value)) {
        return QString();
    }
    switch (unit) {
    case Unit::Percent:
        return i18nc("@info value in percent", "%1 %", QLocale().toString(value, 'f', value < 10 ? 1 : 0));
    case Unit::Bytes:
        return KFormat().formatByteSize(value, 1);
    case Unit::BytesPerSecond:
        return i18nc("@info transfer rate", "%1/s", KFormat().formatByteSize(value, 1));
    }
    return QString();
}

QString latestText(const QList<Line> &lines, Unit unit)
{
    QStringList latest;
    for (const Line &line : lines) {
        if (!line.points.isEmpty()) {
            const QString value = format(unit, line.points.constLast().y());
            latest.append(lines.size() == 1 ? value : i18nc("@info line name and value", "%1 %2", line.name, value));
        }
    }
    return latest.join(QStringLiteral(" · "));
}

} // namespace Flotilla::ChartData
