// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
// First: KLocalizedString's i18n macros would rewrite this header's declarations.
#include <KLocalizedQmlContext>

#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "libvirt/libvirthandles.h"
#include "shell/mainwindow.h"
#include "testfleet.h"

#include <QApplication>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QtQuickTest>

#include <memory>

using namespace Flotilla;

/// Runs a QML TestCase of tests/ui (`-input tst_NAME.qml`, one ctest per
/// file) with Flotilla's QML module and, behind `FleetView`, two nodes of the tests' fleet (tests/data/fleet)
/// served by libvirt's test driver in this process.
class Setup : public QObject
{
    Q_OBJECT

    std::unique_ptr<Fleet> m_fleet;
    std::unique_ptr<FleetView> m_view;

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        Libvirt::initialize();
        m_fleet = std::make_unique<Fleet>();
        const Result<QList<NodeEntry>> nodes = Testing::TestFleet::entries();
        Q_ASSERT(nodes.ok());
        for (const NodeEntry &node : nodes.value().first(2)) {
            m_fleet->addNode(node);
        }
        m_view = std::make_unique<FleetView>(m_fleet.get(), true);
        m_view->showIn(*engine);
        KLocalization::setupLocalizedContext(engine);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // QtCharts draws with QGraphicsView
    QStandardPaths::setTestModeEnabled(true);
    if (!MainWindow::applyDesktopLook(QStringLiteral("BreezeLight")).ok()) {
        return 1;
    }
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "flotilla", nullptr, &setup);
}

#include "tst_quick.moc"
