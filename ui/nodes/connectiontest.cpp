// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodes/connectiontest.h"

#include "fleet/fleet.h"
#include "fleet/fleetview.h"

#include <KFormat>
#include <KLocalizedString>

namespace Flotilla
{

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
    , m_probe(nullptr)
{
    connect(&m_probe, &NodeProbe::finished, this, [this](const Result<ProbeFindings> &result) {
        m_testedUri = m_uri;
        if (result) {
            m_findings = result.value();
            m_error = {};
        } else {
            m_findings.reset();
            m_error = result.error();
        }
        Q_EMIT changed();
        Q_EMIT finished();
    });
}

void ConnectionTest::setFleet(FleetView *view)
{
    if (view == m_view) {
        return;
    }
    m_view = view;
    m_probe.setCredentials(view ? view->fleet()->credentials() : nullptr);
    Q_EMIT fleetChanged();
}

void ConnectionTest::start(const QString &uri)
{
    m_uri = uri;
    m_findings.reset();
    m_error = {};
    m_probe.start(uri, std::chrono::seconds(m_timeLimitSeconds));
    Q_EMIT changed();
}

void ConnectionTest::cancel()
{
    m_probe.cancel();
    Q_EMIT changed();
}

void ConnectionTest::clear()
{
    m_probe.cancel();
    m_findings.reset();
    m_error = {};
    m_testedUri.clear();
    Q_EMIT changed();
}

QString ConnectionTest::summary() const
{
    if (!m_findings) {
        return {};
    }
    const NodeFacts &facts = m_findings->facts;
    QStringList parts{i18ncp("@info", "%1 CPU", "%1 CPUs", facts.cpus),
        i18nc("@info", "%1 memory", KFormat().formatByteSize(double(facts.memoryBytes), 0)),
        i18ncp("@info", "%1 machine", "%1 machines", m_findings->machines),
        i18nc("@info hypervisor and libvirt versions", "%1 %2, libvirt %3", facts.hypervisor, facts.hypervisorVersion,
            facts.libvirtVersion)};
    parts.append(facts.kvm ? i18nc("@info", "KVM available") : i18nc("@info", "no KVM"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace Flotilla
