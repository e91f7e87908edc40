// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "fleetjobs.h"
#include "workloads/fleetworkloads.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include <cmath>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

/// The machines page driven as a person would on the demo fleet: find the
/// busiest machine, search with qualifiers, act on a selection (with the
/// confirmation where data can be lost), and change a machine from its page.
class MachinesTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QQuickItem *item(const char *name) const { return m_app.item(name); }
    QQuickItem *item(const QString &name) const { return m_app.item(QLatin1StringView(name.toLatin1())); }
    QQuickItem *list() const { return item("machineList"); }
    QAbstractItemModel *rows() const { return list()->property("model").value<QAbstractItemModel *>(); }

    /// The nodes that hold the machine with @p uuid (two, half way through a move).
    [[nodiscard]] QStringList nodesHolding(const QString &uuid) const
    {
        QStringList holding;
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            if (std::ranges::any_of(
                    node.machines.machines(), [&](const Machine &machine) { return machine.uuid == uuid; })) {
                holding.append(node.entry.id);
            }
        }
        return holding;
    }

    [[nodiscard]] const Machine *machine(const QString &name) const
    {
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            for (const Machine &machine : node.machines.machines()) {
                if (machine.name == name) {
                    return &machine;
                }
            }
        }
        return nullptr;
    }

    /// How many machines of the fleet @p accept.
    int count(const std::function<bool(const Fleet::Node &, const Machine &)> &accept) const
    {
        int n = 0;
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            for (const Machine &machine : node.machines.machines()) {
                n += accept(node, machine) ? 1 : 0;
            }
        }
        return n;
    }

    // The helpers below check what they do as a test would, and say whether
    // all went well: a test wraps them in QVERIFY, and so stops at a failure.

    [[nodiscard]] bool search(const QString &text)
    {
        [&] {
            QVERIFY(m_app.type(item("machineSearch"), text));
            QTRY_COMPARE(rows()->rowCount(), list()->property("count").toInt());
        }();
        return !QTest::currentTestFailed();
    }

    [[nodiscard]] bool trigger(QObject *from, const char *name) { return m_app.trigger(from, name); }

    [[nodiscard]] bool selectAllShown() { return QMetaObject::invokeMethod(item("machinesPage"), "selectAll"); }

    QQuickItem *row(int index) const
    {
        QQuickItem *delegate = nullptr;
        QMetaObject::invokeMethod(list(), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, index));
        return delegate;
    }

    /// The rows selected on the page, by their place in the list.
    QList<int> selectedRows() const
    {
        const QStringList uuids = item("machinesPage")->property("selectedUuids").toStringList();
        const int uuidRole = rows()->roleNames().key("uuid");
        QList<int> result;
        for (int index = 0; index < rows()->rowCount(); ++index) {
            if (uuids.contains(rows()->index(index, 0).data(uuidRole).toString())) {
                result.append(index);
            }
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.open());
        QVERIFY(m_app.call("showMachines"));
        QTRY_VERIFY_WITH_TIMEOUT(list() && m_app.fleetIsLive(), timeoutMs);
        QTRY_COMPARE(list()->property("count").toInt(), 60);
    }

    void findsTheBusiestMachine()
    {
        QVERIFY(
            m_app.click(item(QStringLiteral("sortBy%1").arg(5).toLatin1().constData()))); // MachineFilterModel::ByCpu
        QTRY_VERIFY(item("machineModel") == nullptr); // the model is not an item
        QAbstractItemModel *model = rows();
        QCOMPARE(model->property("descending").toBool(), true);
        // Highest first, the machines without a figure (off) last.
        const int cpuRole = model->roleNames().key("cpuPercent");
        double previous = INFINITY;
        bool unknownSeen = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const double cpu = model->index(row, 0).data(cpuRole).toDouble();
            if (std::isnan(cpu)) {
                unknownSeen = true;
                continue;
            }
            QVERIFY2(!unknownSeen, "a machine with a figure comes after one without");
            QVERIFY(cpu <= previous);
            previous = cpu;
        }
        QVERIFY(m_app.screenshot(QStringLiteral("machines")));
        QVERIFY(m_app.click(item(QStringLiteral("sortBy%1").arg(5).toLatin1().constData())));
        QTRY_COMPARE(model->property("descending").toBool(), false);
        QVERIFY(m_app.click(item("sortByName")));
        QTRY_COMPARE(model->property("sortKey").toInt(), 0);
    }

    void searchesWithQualifiers()
    {
        QVERIFY(search(QStringLiteral("node:berlin state:off")));
        const int offInBerlin = count([](const Fleet::Node &node, const Machine &machine) {
            return node.entry.name.contains(QLatin1StringView("Berlin")) && machine.state == MachineState::Off;
        });
        QVERIFY(offInBerlin > 0);
        QCOMPARE(rows()->rowCount(), offInBerlin);

        QVERIFY(search(QStringLiteral("tag:media -state:paused")));
        QCOMPARE(rows()->rowCount(), count([](const Fleet::Node &, const Machine &machine) {
            return machine.metadata.tags.contains(QLatin1StringView("media")) && machine.state != MachineState::Paused;
        }));

        QVERIFY(search(QStringLiteral("state:flying")));
        QCOMPARE(rows()->rowCount(), 0);
        QVERIFY(rows()->property("searchProblem").toString().contains(QLatin1StringView("state:flying")));
    }

    void selectsRangesAndAllAsAFileManager()
    {
        QVERIFY(search(QStringLiteral("node:helsinki")));
        QCOMPARE(rows()->rowCount(), 18);
        QObject *pageStack = m_app.window()->property("pageStack").value<QObject *>();
        const int depth = pageStack->property("depth").toInt();
        QTRY_VERIFY(row(1) && row(2) && row(4)); // the view makes its rows at its next layout
        // The list may still be moving back to its top after the searches
        // before: once, a click meant for the second row hit the first.
        QVERIFY(m_app.waitUntilStill(row(1)));
        // Ctrl+click toggles a row, Shift+click selects from it; neither opens a machine.
        QVERIFY(m_app.click(row(1), Qt::ControlModifier));
        QTRY_COMPARE(selectedRows(), QList<int>({1}));
        QVERIFY(m_app.click(row(4), Qt::ShiftModifier));
        QTRY_COMPARE(selectedRows(), QList<int>({1, 2, 3, 4}));
        QVERIFY(m_app.click(row(2), Qt::ShiftModifier)); // the range shrinks back
        QTRY_COMPARE(selectedRows(), QList<int>({1, 2}));
        QCOMPARE(pageStack->property("depth").toInt(), depth);
        // Shift+Down and Shift+Up move the current row and the range's end with it.
        list()->forceActiveFocus();
        QTRY_VERIFY(list()->hasActiveFocus());
        QTest::keyClick(m_app.window(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(m_app.window(), Qt::Key_Down, Qt::ShiftModifier);
        QTRY_COMPARE(selectedRows(), QList<int>({1, 2, 3, 4}));
        QTest::keyClick(m_app.window(), Qt::Key_Up, Qt::ShiftModifier);
        QTRY_COMPARE(selectedRows(), QList<int>({1, 2, 3}));
        QCOMPARE(list()->property("currentIndex").toInt(), 3);
        // Ctrl+A: every machine the search shows.
        QTest::keyClick(m_app.window(), Qt::Key_A, Qt::ControlModifier);
        QTRY_COMPARE(selectedRows().size(), 18);
        QCOMPARE(item("machinesPage")->property("selectedCount").toInt(), 18);
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));
    }

    void shutsDownASelection()
    {
        QVERIFY(search(QStringLiteral("node:toronto state:running")));
        const int running = rows()->rowCount();
        QVERIFY(running >= 2);
        QVERIFY(selectAllShown());
        QVERIFY(trigger(item("machinesPage"), "shutdownAction"));
        QTRY_COMPARE_WITH_TIMEOUT(count([](const Fleet::Node &node, const Machine &machine) {
            return node.entry.name.contains(QLatin1StringView("Toronto")) && machine.isRunning();
        }),
            0, timeoutMs);
        QTRY_COMPARE(rows()->rowCount(), 0); // none of them is running any more
        // The same selection can now be started, and no longer shut down.
        QObject *start = item("machinesPage")->findChild<QObject *>(QStringLiteral("startAction"));
        QObject *shutdown = item("machinesPage")->findChild<QObject *>(QStringLiteral("shutdownAction"));
        QTRY_VERIFY(start->property("enabled").toBool() && !shutdown->property("enabled").toBool());
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));

        // And every machine of Toronto that is off back on.
        QVERIFY(search(QStringLiteral("node:toronto state:off")));
        QVERIFY(rows()->rowCount() >= running);
        QVERIFY(selectAllShown());
        QVERIFY(trigger(item("machinesPage"), "startAction"));
        QTRY_COMPARE_WITH_TIMEOUT(count([](const Fleet::Node &node, const Machine &machine) {
            return node.entry.name.contains(QLatin1StringView("Toronto")) && machine.state == MachineState::Off;
        }),
            0, timeoutMs);
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));
    }

    void forcesOffOnlyAfterConfirmation()
    {
        QVERIFY(search(QStringLiteral("node:helsinki state:running")));
        const int running = rows()->rowCount();
        QVERIFY(running > 0);
        QVERIFY(selectAllShown());
        QVERIFY(trigger(item("machinesPage"), "forceOffAction"));
        QObject *dialog = item("machinesPage")->findChild<QObject *>(QStringLiteral("machineConfirmation"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        // Nothing happens before the answer: a request sent would have been
        // carried out (its session handles them in order) before the node's
        // second tick from now.
        QSignalSpy finished(&m_app.fleet(), &Fleet::requestFinished);
        const qsizetype helsinki = m_app.fleet().indexOf(QStringLiteral("helsinki-rack"));
        QVERIFY(helsinki >= 0);
        int ticks = 0;
        const QMetaObject::Connection counting = connect(&m_app.fleet(), &Fleet::ticked, this,
            [&ticks, helsinki](qsizetype index) { ticks += index == helsinki ? 1 : 0; });
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 2, timeoutMs);
        disconnect(counting);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(rows()->rowCount(), running);
        QVERIFY(m_app.screenshot(QStringLiteral("machines-confirm")));
        QVERIFY(trigger(dialog, "confirmAction"));
        QTRY_VERIFY(!dialog->property("visible").toBool()); // its fading shade takes the clicks till then
        QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 0, timeoutMs);
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));
    }

    void deletesAMachineWithItsDisk()
    {
        const auto allocation = [this] {
            return m_app.fleet().nodes().first().pools.constFirst().allocationBytes; // Berlin's default pool
        };
        const quint64 before = allocation();
        QVERIFY(search(QStringLiteral("name:debian-scratch")));
        QCOMPARE(rows()->rowCount(), 1);
        QVERIFY(selectAllShown());
        QVERIFY(trigger(item("machinesPage"), "deleteAction"));
        QObject *dialog = item("machinesPage")->findChild<QObject *>(QStringLiteral("machineConfirmation"));
        QTRY_VERIFY(dialog->property("visible").toBool());
        QCOMPARE(dialog->property("disks").toList().size(), 1);
        QObject *withStorage = dialog->findChild<QObject *>(QStringLiteral("deleteStorage"));
        QVERIFY(withStorage);
        withStorage->setProperty("checked", true);
        QVERIFY(trigger(dialog, "confirmAction"));
        QTRY_VERIFY(!dialog->property("visible").toBool()); // its fading shade takes the clicks till then
        QTRY_VERIFY_WITH_TIMEOUT(!machine(QStringLiteral("debian-scratch")), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(allocation() < before, timeoutMs);
        QTRY_COMPARE(rows()->rowCount(), 0);
        QVERIFY(QMetaObject::invokeMethod(item("machinesPage"), "clearSelection"));
    }

    void changesAMachineFromItsPage()
    {
        QVERIFY(search(QStringLiteral("name:nextcloud")));
        QTRY_COMPARE(rows()->rowCount(), 1);
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = m_app.rowInView("machineList", QStringLiteral("nextcloud"))));
        QVERIFY(m_app.click(row));
        QTRY_VERIFY_WITH_TIMEOUT(item("machinePage") && item("vcpusField"), timeoutMs);
        QCOMPARE(item("machineState")->property("text").toString(), QStringLiteral("Running"));

        // Fewer vCPUs, live: the spin box, then Apply.
        QQuickItem *spin = item("vcpusField")->property("spinBox").value<QQuickItem *>();
        QVERIFY(spin);
        QCOMPARE(spin->property("to").toInt(), machine(QStringLiteral("nextcloud"))->maxVcpus);
        spin->setProperty("value", 3);
        QVERIFY(QMetaObject::invokeMethod(item("vcpusField"), "applied", Q_ARG(int, 3)));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->vcpus, 3, timeoutMs);

        // A tag of two words is refused, named: it would come back as two tags.
        QQuickItem *tagField = item("newTagField");
        QVERIFY(m_app.type(tagField, QStringLiteral("my tag")));
        QTest::keyClick(m_app.window(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item("tagProblem")->isVisible(), timeoutMs);
        QVERIFY2(item("tagProblem")->property("text").toString().contains(QStringLiteral("“my tag”")),
            qPrintable(item("tagProblem")->property("text").toString()));
        tagField->setProperty("text", QString());

        // A tag, written into the machine's definition on its node.
        QVERIFY(m_app.type(tagField, QStringLiteral("backup-me")));
        QTest::keyClick(m_app.window(), Qt::Key_Return);
        QVERIFY(m_app.click(item("saveTags")));
        QTRY_VERIFY_WITH_TIMEOUT(
            machine(QStringLiteral("nextcloud"))->metadata.tags.contains(QLatin1StringView("backup-me")), timeoutMs);
        QVERIFY(m_app.screenshot(QStringLiteral("machine")));
    }

    // Snapshots on the same machine's page: taken with its memory, the tree,
    // going back with what is lost said first, and deleting one with its child.
    void snapshotsFromTheMachinesPage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            item("machinePage") && item("noSnapshots") && item("noSnapshots")->isVisible(), timeoutMs);
        // They are near the foot of the page.
        QObject *flickable = item("machinePage")->property("flickable").value<QObject *>();
        QVERIFY(flickable);
        const auto toTheFoot = [flickable] {
            flickable->setProperty("contentY",
                std::max(0.0, flickable->property("contentHeight").toReal() - flickable->property("height").toReal()));
        };
        toTheFoot();
        QVERIFY(m_app.waitUntilStill(item("takeSnapshot")));
        for (const QString &name : {u"before-upgrade"_s, u"after-upgrade"_s}) {
            QVERIFY(m_app.click(item("takeSnapshot")));
            QObject *dialog = item("machinePage")->findChild<QObject *>(u"takeSnapshotDialog"_s);
            QTRY_VERIFY(dialog && dialog->property("opened").toBool());
            QVERIFY(item("snapshotName")->property("text").toString().startsWith(u"snapshot-"_s)); // a name offered
            QVERIFY(m_app.type(item("snapshotName"), name));
            QVERIFY(m_app.type(item("snapshotDescription"), u"nightly"_s));
            item("snapshotWithMemory")->setProperty("checked", true);
            QObject *take = dialog->findChild<QObject *>(u"confirmTakeSnapshot"_s);
            QVERIFY(take && QMetaObject::invokeMethod(take, "trigger"));
            QTRY_VERIFY_WITH_TIMEOUT(item(u"snapshot:"_s + name), timeoutMs);
            QTRY_VERIFY(!dialog->property("visible").toBool());
            toTheFoot();
            QVERIFY(m_app.waitUntilStill(item("takeSnapshot")));
        }
        // The second, taken on top of the first, is the one the machine runs on.
        QTRY_VERIFY(item("snapshotTitle:after-upgrade")->property("text").toString().contains(u"(now)"_s));
        toTheFoot();
        QVERIFY(m_app.waitUntilStill(item("snapshot:after-upgrade")));
        QVERIFY(m_app.screenshot(u"machine-snapshots"_s));

        QVERIFY(m_app.click(item("revertSnapshot:before-upgrade")));
        QObject *revert = item("machinePage")->findChild<QObject *>(u"revertSnapshotDialog"_s);
        QTRY_VERIFY(revert && revert->property("opened").toBool());
        QVERIFY2(revert->property("subtitle").toString().contains(u"is lost"_s),
            qPrintable(revert->property("subtitle").toString()));
        QObject *back = revert->findChild<QObject *>(u"confirmRevertSnapshot"_s);
        QVERIFY(back && QMetaObject::invokeMethod(back, "trigger"));
        QTRY_VERIFY_WITH_TIMEOUT(
            item("snapshotTitle:before-upgrade")->property("text").toString().contains(u"(now)"_s), timeoutMs);

        QTRY_VERIFY(!revert->property("visible").toBool());
        toTheFoot();
        QVERIFY(m_app.waitUntilStill(item("deleteSnapshot:before-upgrade")));
        QVERIFY(m_app.click(item("deleteSnapshot:before-upgrade")));
        QObject *remove = item("machinePage")->findChild<QObject *>(u"deleteSnapshotDialog"_s);
        QTRY_VERIFY(remove && remove->property("opened").toBool());
        QVERIFY(item("deleteSnapshotChildren")->isVisible()); // it has a later one
        item("deleteSnapshotChildren")->setProperty("checked", true);
        QObject *confirm = remove->findChild<QObject *>(u"confirmDeleteSnapshot"_s);
        QVERIFY(confirm && QMetaObject::invokeMethod(confirm, "trigger"));
        QTRY_VERIFY_WITH_TIMEOUT(item("noSnapshots") && item("noSnapshots")->isVisible(), timeoutMs);
        QVERIFY(!item("snapshot:after-upgrade"));
        QTRY_VERIFY(!remove->property("visible").toBool()); // its fading overlay would take the next click
    }

    // A clone from the same page: refused, and said why, while the machine
    // runs; a full copy once it is paused, under a name of its own; the
    // clone is a machine of the node, with its parent's tags.
    void clonesFromTheMachinesPage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(item("machinePage"), timeoutMs);
        QVERIFY(trigger(item("machinePage"), "machineClone"));
        QObject *dialog = item("machinePage")->findChild<QObject *>(u"cloneMachineDialog"_s);
        QTRY_VERIFY(dialog && dialog->property("opened").toBool());
        QCOMPARE(item("cloneName")->property("text").toString(), u"nextcloud-clone"_s);
        QObject *confirm = dialog->findChild<QObject *>(u"confirmClone"_s);
        QVERIFY(confirm);
        QTRY_VERIFY(item("cloneParentProblem")->isVisible());
        QVERIFY2(item("cloneParentProblem")->property("text").toString().contains(u"Shut nextcloud down first"_s),
            qPrintable(item("cloneParentProblem")->property("text").toString()));
        QVERIFY(!confirm->property("enabled").toBool());

        QVERIFY(m_app.click(item("cloneFull")));
        QTRY_VERIFY(item("cloneParentProblem")->property("text").toString().contains(u"or pause it"_s));
        const QString nodeId = m_app.fleet().nodes().first().entry.id;
        m_app.fleet().request(
            nodeId, MachineRequest{.kind = MachineRequest::Kind::Pause, .uuid = machine(u"nextcloud"_s)->uuid});
        QTRY_VERIFY_WITH_TIMEOUT(!item("cloneParentProblem")->isVisible(), timeoutMs);

        QVERIFY(m_app.type(item("cloneName"), u"gitea"_s));
        QTRY_VERIFY(!confirm->property("enabled").toBool()); // taken on this node
        QVERIFY(m_app.type(item("cloneName"), u"nextcloud-staging"_s));
        QTRY_VERIFY(confirm->property("enabled").toBool());
        QVERIFY(m_app.waitUntilStill(item("cloneFull")));
        QVERIFY(m_app.screenshot(u"machine-clone"_s));
        QVERIFY(QMetaObject::invokeMethod(confirm, "trigger"));
        QTRY_VERIFY2_WITH_TIMEOUT(item("cloneMade") && item("cloneMade")->isVisible(),
            qPrintable(item("cloneFailure")->property("text").toString()), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(machine(u"nextcloud-staging"_s), timeoutMs);
        const Machine *clone = machine(u"nextcloud-staging"_s);
        QCOMPARE(clone->metadata.tags, machine(u"nextcloud"_s)->metadata.tags);
        QVERIFY(clone->metadata.workload.isEmpty()); // no replica of the parent's workload
        QVERIFY(clone->interfaces.first().mac != machine(u"nextcloud"_s)->interfaces.first().mac);
        QVERIFY(clone->disks.first().source.startsWith(u"/var/lib/libvirt/images/nextcloud-staging-vda-"_s));
        const QString cloneUuid = clone->uuid; // the machine may move in memory as the fleet changes
        // The message fades its words in after it has opened.
        QTRY_VERIFY(std::ranges::all_of(item("cloneMade")->childItems(),
            [](const QQuickItem *part) { return !part->isVisible() || part->opacity() == 1.0; }));
        QVERIFY(m_app.waitUntilStill(item("cloneMade")));
        QVERIFY(m_app.screenshot(u"machine-cloned"_s));

        QObject *close = dialog->findChild<QObject *>(u"closeClone"_s);
        QVERIFY(close && QMetaObject::invokeMethod(close, "trigger"));
        QTRY_VERIFY(!dialog->property("visible").toBool());
        m_app.fleet().request(
            nodeId, MachineRequest{.kind = MachineRequest::Kind::Resume, .uuid = machine(u"nextcloud"_s)->uuid});
        QTRY_VERIFY_WITH_TIMEOUT(machine(u"nextcloud"_s)->isRunning(), timeoutMs);
        m_app.fleet().request(nodeId, MachineRequest{.kind = MachineRequest::Kind::Delete, .uuid = cloneUuid});
        QTRY_VERIFY_WITH_TIMEOUT(!machine(u"nextcloud-staging"_s), timeoutMs); // the next tests count nextcloud alone
    }

    // A running machine moved to another node from its page: refused while
    // that node lacks the machine's network, which made there clears the
    // way; then it moves cold (shut down, copied, started there, removed
    // here), and the page follows it.
    void movesFromTheMachinePage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(item("machinePage"), timeoutMs);
        const QString uuid = machine(u"nextcloud"_s)->uuid;
        const QString home = m_app.fleet().nodes().first().entry.id;
        QVERIFY(trigger(item("machinePage"), "machineMove"));
        QObject *dialog = item("machinePage")->findChild<QObject *>(u"moveMachineDialog"_s);
        QTRY_VERIFY(dialog && dialog->property("opened").toBool());
        const QString target = item("moveNode")->property("currentValue").toString();
        QVERIFY(!target.isEmpty() && target != home);
        QTRY_VERIFY(item("moveProblem")->isVisible());
        QVERIFY2(item("moveProblem")->property("text").toString().contains(u"no virtual network named homelan"_s),
            qPrintable(item("moveProblem")->property("text").toString()));
        QObject *confirm = dialog->findChild<QObject *>(u"confirmMove"_s);
        QVERIFY(confirm && !confirm->property("enabled").toBool());

        m_app.fleet().request(target,
            NodeRequest{.kind = NodeRequest::Kind::CreateNetwork,
                .networkSpec = {.name = u"homelan"_s,
                    .mode = NetworkSpec::Mode::Isolated,
                    .subnet = u"192.168.77.0/24"_s,
                    .dhcpStart = u"192.168.77.100"_s,
                    .dhcpEnd = u"192.168.77.200"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!item("moveProblem")->isVisible(), timeoutMs);
        QVERIFY(confirm->property("enabled").toBool());
        QVERIFY2(item("movePlan")->property("text").toString().contains(u"nextcloud shuts down"_s),
            qPrintable(item("movePlan")->property("text").toString()));
        // Placement's view of the target, a warning in words for one machine.
        const QString fits = FleetWorkloads::placementNote(m_app.fleet(), home, *machine(u"nextcloud"_s), target);
        QCOMPARE(item("movePlacementNote")->isVisible(), !fits.isEmpty());
        QVERIFY(!fits.contains(u"each replica"_s));
        if (!fits.isEmpty()) {
            QVERIFY2(item("movePlacementNote")->property("text").toString().contains(fits),
                qPrintable(item("movePlacementNote")->property("text").toString()));
        }
        QVERIFY(m_app.waitUntilStill(item("movePlan")));
        QVERIFY(m_app.screenshot(u"machine-move"_s));

        QVERIFY(QMetaObject::invokeMethod(confirm, "trigger"));
        QTRY_VERIFY2_WITH_TIMEOUT(item("moveDone") && item("moveDone")->isVisible(),
            qPrintable(item("moveFailure")->property("text").toString()), timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(nodesHolding(uuid), QStringList{target}, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(machine(u"nextcloud"_s)->isRunning(), timeoutMs);
        QTRY_VERIFY(std::ranges::all_of(item("moveDone")->childItems(),
            [](const QQuickItem *part) { return !part->isVisible() || part->opacity() == 1.0; }));
        QVERIFY(m_app.waitUntilStill(item("moveDone")));
        QVERIFY(m_app.screenshot(u"machine-moved"_s));
        QObject *close = dialog->findChild<QObject *>(u"closeMove"_s);
        QVERIFY(close && QMetaObject::invokeMethod(close, "trigger"));
        QTRY_VERIFY(!dialog->property("visible").toBool());

        // And back home, as the next tests count it there.
        const ProvisioningResult back = Testing::provisionAndWait(m_app.fleet(), target,
            ProvisioningRequest{.kind = ProvisioningRequest::Kind::Transfer,
                .transfer = TransferOrder{.kind = TransferOrder::Kind::Move,
                    .machine = uuid,
                    .name = u"nextcloud"_s,
                    .uuid = uuid,
                    .pool = u"default"_s},
                .targetNode = home},
            timeoutMs);
        QVERIFY2(back.outcome.completed, qPrintable(back.outcome.failure.text()));
        QTRY_COMPARE_WITH_TIMEOUT(nodesHolding(uuid), QStringList{home}, timeoutMs);
    }

    // A machine dragged from the list: the other nodes show to drop it on,
    // in a list and on the map, the one under the pointer lit; let go on
    // one's marker, the Move dialog opens with that node chosen.
    void dragsAMachineOntoANode()
    {
        QVERIFY(search(u"name:tor-bridge"_s));
        QTRY_COMPARE(rows()->rowCount(), 1);
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = m_app.rowInView("machineList", u"tor-bridge"_s)));
        QString singapore;
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            singapore = node.entry.uri.contains(u"singapore"_s) ? node.entry.id : singapore;
        }
        QVERIFY(!singapore.isEmpty());
        QString toronto;
        for (const Fleet::Node &node : m_app.fleet().nodes()) {
            toronto = node.entry.uri.contains(u"toronto"_s) ? node.entry.id : toronto;
        }
        QVERIFY(!toronto.isEmpty());
        QVERIFY(!item("nodeDropShelf") || !item("nodeDropShelf")->isVisible());

        const QPoint from = row->mapToScene(QPointF(row->width() / 3, row->height() / 2)).toPoint();
        QTest::mousePress(m_app.window(), Qt::LeftButton, {}, from);
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(m_app.window(), from + QPoint(step * 8, step * 8));
        }
        QTRY_VERIFY(item("nodeDropShelf") && item("nodeDropShelf")->isVisible());
        QQuickItem *chip = item((u"dropOn-"_s + singapore).toUtf8().constData());
        QVERIFY(chip && chip->isVisible());
        // The shelf slides in and lays its chips out: aim once it stands still.
        QVERIFY(m_app.waitUntilStill(item("nodeDropShelf")));
        QVERIFY(m_app.waitUntilStill(chip));
        const QPoint onto = chip->mapToScene(QPointF(chip->width() / 2, chip->height() / 2)).toPoint();
        for (int step = 1; step <= 10; ++step) {
            QTest::mouseMove(m_app.window(), from + (onto - from) * step / 10);
        }
        QTRY_COMPARE(item("nodeDropShelf")->property("nodeUnderPointer").toString(), singapore);
        QVERIFY(m_app.waitUntilStill(item("nodeDropShelf")));

        // On to Toronto's marker on the map beside the list, lit there, and dropped on it.
        QQuickItem *map = item("dropMap");
        QVERIFY(map && map->isVisible());
        QVariant marker;
        QVERIFY(QMetaObject::invokeMethod(map, "pointOf", Q_RETURN_ARG(QVariant, marker), Q_ARG(QString, toronto)));
        QVERIFY(marker.isValid() && !marker.isNull());
        auto *worldMap = map->property("map").value<QQuickItem *>();
        const QPoint target = worldMap->mapToScene(marker.toPointF()).toPoint();
        for (int step = 1; step <= 10; ++step) {
            QTest::mouseMove(m_app.window(), onto + (target - onto) * step / 10);
        }
        QTRY_COMPARE(item("nodeDropShelf")->property("nodeUnderPointer").toString(), toronto);
        QTRY_VERIFY(item((u"dropRing:"_s + toronto).toUtf8().constData())
            && item((u"dropRing:"_s + toronto).toUtf8().constData())->isVisible());
        QVERIFY(m_app.screenshot(u"machine-drag"_s));
        QTest::mouseRelease(m_app.window(), Qt::LeftButton, {}, target);

        QObject *dialog = item("machinesPage")->findChild<QObject *>(u"moveMachineDialog"_s);
        QTRY_VERIFY(dialog && dialog->property("opened").toBool());
        QCOMPARE(item("moveNode")->property("currentValue").toString(), toronto);
        QVERIFY(item("movePlan")->property("text").toString().contains(u"tor-bridge"_s));
        QTRY_VERIFY(!item("nodeDropShelf")->isVisible());
        QObject *close = dialog->findChild<QObject *>(u"closeMove"_s);
        QVERIFY(close && QMetaObject::invokeMethod(close, "trigger"));
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    // A row's own menu, from a right click or the Menu key: the machine's
    // serial console, and the actions on that machine alone.
    void aRowHasItsOwnMenu()
    {
        QVERIFY(search(QStringLiteral("name:nextcloud")));
        QTRY_COMPARE(rows()->rowCount(), 1);
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = m_app.rowInView("machineList", QStringLiteral("nextcloud"))));
        QVERIFY(m_app.click(row, {}, Qt::RightButton));
        QObject *menu = item("machinesPage")->findChild<QObject *>(QStringLiteral("machineRowMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->property("visible").toBool());
        QCOMPARE(menu->property("uuid").toString(), machine(QStringLiteral("nextcloud"))->uuid);
        QVERIFY(m_app.waitUntilOpened(item("rowPause")));
        QVERIFY(item("rowConsole")->property("enabled").toBool()); // it runs
        QVERIFY(!item("rowStart")->property("enabled").toBool());
        QVERIFY(m_app.screenshot(QStringLiteral("machines-row-menu")));
        QVERIFY(m_app.click(item("rowPause")));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->state, MachineState::Paused, timeoutMs);
        QCOMPARE(item("machinesPage")->property("selectedCount").toInt(), 0); // the row alone, not selected

        // The Menu key on the current row.
        QTRY_VERIFY(!menu->property("visible").toBool());
        row->forceActiveFocus();
        QTest::keyClick(m_app.window(), Qt::Key_Menu);
        QTRY_VERIFY(menu->property("visible").toBool());
        QVERIFY(m_app.waitUntilOpened(item("rowResume")));
        QVERIFY(m_app.click(item("rowResume")));
        QTRY_COMPARE_WITH_TIMEOUT(machine(QStringLiteral("nextcloud"))->state, MachineState::Running, timeoutMs);

        // Its serial console, in a window of its own.
        QTRY_VERIFY(!menu->property("visible").toBool());
        QVERIFY(m_app.click(row, {}, Qt::RightButton));
        QTRY_VERIFY(menu->property("visible").toBool());
        QVERIFY(m_app.waitUntilOpened(item("rowConsole")));
        QVERIFY(m_app.click(item("rowConsole")));
        const auto consoleWindow = [] {
            for (QWidget *window : QApplication::topLevelWidgets()) {
                if (window->isVisible() && window->windowTitle().startsWith(QStringLiteral("nextcloud"))) {
                    return window;
                }
            }
            return static_cast<QWidget *>(nullptr);
        };
        QTRY_VERIFY(consoleWindow());
        consoleWindow()->close();
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(MachinesTest)
#include "tst_machines.moc"
