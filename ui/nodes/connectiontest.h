// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleetview.h"
#include "session/nodeprobe.h"

#include <QObject>
#include <QtQmlIntegration>

namespace Flotilla
{

/// "Test connection" for QML: tries a URI off the UI thread (NodeProbe) and
/// tells what it found, or libvirt's error.
class ConnectionTest : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY changed)
    /// The last test reached the node.
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY changed)
    /// The URI of the last finished test.
    Q_PROPERTY(QString testedUri READ testedUri NOTIFY changed)
    Q_PROPERTY(QString hostname READ hostname NOTIFY changed)
    /// "8 CPUs · 32 GiB memory · 12 machines · QEMU 9.2.0, libvirt 11.3.0 · KVM"
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY changed)
    /// Seconds before a node that does not answer is reported.
    Q_PROPERTY(int timeLimit MEMBER m_timeLimitSeconds NOTIFY changed)
    /// The fleet whose credential broker asks the person (the FleetView singleton).
    Q_PROPERTY(Flotilla::FleetView *fleet READ fleet WRITE setFleet NOTIFY fleetChanged REQUIRED)

public:
    explicit ConnectionTest(QObject *parent = nullptr);

    Q_INVOKABLE void start(const QString &uri);
    Q_INVOKABLE void cancel();
    /// Forgets the last result (the URI changed).
    Q_INVOKABLE void clear();

    [[nodiscard]] FleetView *fleet() const { return m_view; }
    void setFleet(FleetView *view);
    [[nodiscard]] bool running() const { return m_probe.isRunning(); }
    [[nodiscard]] bool succeeded() const { return m_findings.has_value(); }
    [[nodiscard]] QString testedUri() const { return m_testedUri; }
    [[nodiscard]] QString hostname() const { return m_findings ? m_findings->facts.hostname : QString(); }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString error() const { return m_error.message; }
    [[nodiscard]] QString errorDetails() const { return m_error.details; }

Q_SIGNALS:
    void changed();
    void finished();
    void fleetChanged();

private:
    NodeProbe m_probe;
    FleetView *m_view = nullptr;
    QString m_uri;
    QString m_testedUri;
    std::optional<ProbeFindings> m_findings;
    Error m_error;
    int m_timeLimitSeconds = 20;
};

} // namespace Flotilla
