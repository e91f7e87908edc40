// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "fleetjobs.h"

#include <QSignalSpy>
#include <QTest>

namespace Flotilla::Testing
{

ProvisioningResult provisionAndWait(
    Fleet &fleet, const QString &nodeId, const ProvisioningRequest &request, int timeoutMs)
{
    QSignalSpy finished(&fleet, &Fleet::provisioningFinished);
    const quint64 id = fleet.provision(nodeId, request);
    ProvisioningResult result;
    const bool ended = QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &arguments : std::as_const(finished)) {
                if (arguments.at(1).value<ProvisioningResult>().jobId == id) {
                    result = arguments.at(1).value<ProvisioningResult>();
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (!ended) {
        result.outcome.failure = Error{.message = QStringLiteral("no end within the time limit")};
    }
    return result;
}

} // namespace Flotilla::Testing
