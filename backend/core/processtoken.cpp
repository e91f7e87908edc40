// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "core/processtoken.h"

#include <QCoreApplication>
#include <QFile>

namespace Flotilla::ProcessToken
{

namespace
{
/// When process @p pid started, in clock ticks since boot (field 22 of
/// /proc/PID/stat, counted after the command's closing parenthesis, as the
/// command may hold spaces); empty when there is no such process.
QByteArray startOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19) : QByteArray(); // field 22, the third being the first here
}
} // namespace

QString here()
{
    static const QString token = of(QCoreApplication::applicationPid());
    return token;
}

QString of(qint64 pid)
{
    const QByteArray start = startOf(pid);
    return start.isEmpty() ? QString() : QString::number(pid) + QLatin1Char(':') + QString::fromLatin1(start);
}

bool isRunning(const QString &token)
{
    bool ok = false;
    const qint64 pid = token.section(QLatin1Char(':'), 0, 0).toLongLong(&ok);
    const QString start = token.section(QLatin1Char(':'), 1);
    if (!ok || pid <= 0 || start.isEmpty()) {
        return false;
    }
    return QString::fromLatin1(startOf(pid)) == start;
}

} // namespace Flotilla::ProcessToken
