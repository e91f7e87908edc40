// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"
#include "libvirt/libvirthandles.h"
#include "libvirtdaemon.h"
#include "provisioning/nodevolumes.h"

#include <QSignalSpy>
#include <QTest>

#include <libvirt/virterror.h>

using namespace Flotilla;
using Flotilla::Testing::AppWindow;
using namespace Qt::StringLiterals;

namespace
{
const QString debian = u"debian-12-genericcloud-amd64.qcow2"_s;
const QString key = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgMXrSBvNlvtFE4uzOkpQ/g3NEeXaEwck6SH4CZZA4+ alice@laptop"_s;
} // namespace

/// The create-machine wizard driven as a person would, on the demo fleet:
/// wrong input at every step and what it says, three machines made on one
/// node and seen in the machine list; then a run cancelled on a node that
/// is slow to answer, which leaves nothing behind.
class CreateMachineTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QQuickItem *item(const QString &name) const { return m_app.item(QLatin1StringView(name.toLatin1())); }

    QString problem(const QString &name) const
    {
        QQuickItem *label = item(name);
        return label && label->isVisible() ? label->property("text").toString() : QString();
    }

    [[nodiscard]] int step() const { return item(u"machineWizardPage"_s)->property("step").toInt(); }

    [[nodiscard]] bool next() { return m_app.click(item(u"wizardNext"_s)); }

    /// Types @p value into the number field @p name and confirms it, as a person would.
    [[nodiscard]] bool setNumber(const QString &name, int value)
    {
        QQuickItem *spin = item(name + u"Input"_s);
        QQuickItem *input = spin ? spin->property("contentItem").value<QQuickItem *>() : nullptr;
        if (!input || !m_app.type(input, QString::number(value))) {
            return false;
        }
        QTest::keyClick(m_app.window(), Qt::Key_Return);
        return true;
    }

    [[nodiscard]] bool openWizard(const QString &nodeId = {})
    {
        if (!QMetaObject::invokeMethod(m_app.window(), "createMachine", Q_ARG(QString, nodeId), Q_ARG(QString, {}))) {
            return false;
        }
        return QTest::qWaitFor(
                   [this] { return item(u"machineWizardPage"_s) && item(u"wizardNext"_s)->isVisible(); }, timeoutMs)
            && m_app.waitUntilStill(item(u"machineWizardPage"_s));
    }

    [[nodiscard]] const Fleet::Node &node(const QString &id) const
    {
        return m_app.fleet().nodes().at(m_app.fleet().indexOf(id));
    }

    [[nodiscard]] const Machine *machine(const QString &nodeId, const QString &name) const
    {
        for (const Machine &machine : node(nodeId).machines.machines()) {
            if (machine.name == name) {
                return &machine;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.openDemo());
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
    }

    void chooseAnImage()
    {
        QVERIFY(openWizard());
        QCOMPARE(step(), 0);
        QVERIFY(next());
        QCOMPARE(step(), 0); // nothing chosen: it stays, and says so
        QVERIFY2(problem(u"imageProblem"_s).contains(u"Choose an image"_s), qPrintable(problem(u"imageProblem"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardImage:"_s + debian), timeoutMs); // the nodes' libraries are read
        QVERIFY(m_app.screenshot(u"create-image"_s));
        QVERIFY(m_app.click(item(u"wizardImage:"_s + debian)));
        QCOMPARE(problem(u"imageProblem"_s), QString());
        QVERIFY(next());
        QCOMPARE(step(), 1);
    }

    void chooseWhere()
    {
        QVERIFY(next());
        QCOMPARE(step(), 1);
        QVERIFY2(problem(u"nodeIdProblem"_s).contains(u"Choose a node"_s), qPrintable(problem(u"nodeIdProblem"_s)));
        // Toronto has no copy of the image: it cannot be chosen, and says why.
        QQuickItem *toronto = item(u"wizardNode:toronto-friends"_s);
        QVERIFY(toronto);
        QVERIFY(!toronto->isEnabled());
        // The suggestion names a node that has the image, and why.
        QVERIFY(item(u"nodeSuggestion"_s)->isVisible());
        const QString suggestion = item(u"nodeSuggestion"_s)->property("text").toString();
        QVERIFY2(suggestion.contains(u"image already there"_s), qPrintable(suggestion));
        QVERIFY(m_app.click(item(u"wizardNode:helsinki-rack"_s)));
        QTRY_VERIFY(item(u"poolChoice"_s)->isVisible());
        QCOMPARE(item(u"poolChoice"_s)->property("currentText").toString(), u"default"_s);
        QVERIFY(m_app.waitUntilStill(item(u"wizardNode:saopaulo-mini"_s))); // below the suggestion, which slides in
        QVERIFY(m_app.screenshot(u"create-where"_s));
        QVERIFY(next());
        QCOMPARE(step(), 2);
    }

    void chooseTheSize()
    {
        const int cpus = node(u"helsinki-rack"_s).facts.cpus;
        QVERIFY(setNumber(u"vcpus"_s, cpus + 1));
        QTRY_VERIFY(problem(u"vcpusProblem"_s).contains(QString::number(cpus)));
        QVERIFY(next());
        QCOMPARE(step(), 2); // refused: more vCPUs than the node has
        QVERIFY(m_app.click(item(u"preset0"_s))); // small
        QTRY_COMPARE(problem(u"vcpusProblem"_s), QString());
        QCOMPARE(item(u"vcpusInput"_s)->property("value").toInt(), 1); // the field shows the preset
        QVERIFY(m_app.screenshot(u"create-size"_s));
        QVERIFY(next());
        QCOMPARE(step(), 3);
    }

    void chooseTheDisks()
    {
        QVERIFY(m_app.click(item(u"withDataDisk"_s)));
        QTRY_VERIFY(item(u"dataGiBInput"_s)->isVisible());
        QVERIFY(setNumber(u"dataGiB"_s, 60000)); // more than the pool has
        QTRY_VERIFY2(problem(u"dataGiBProblem"_s).contains(u"free"_s), qPrintable(problem(u"dataGiBProblem"_s)));
        QVERIFY(next());
        QCOMPARE(step(), 3);
        QVERIFY(setNumber(u"dataGiB"_s, 10));
        QTRY_COMPARE(problem(u"dataGiBProblem"_s), QString());
        QVERIFY(m_app.screenshot(u"create-disks"_s));
        QVERIFY(next());
        QCOMPARE(step(), 4);
    }

    void setUpTheFirstBoot()
    {
        // A name taken on the node, and keys and cloud-config that are wrong, are each named.
        QVERIFY(m_app.type(item(u"nameInput"_s), u"k3s-server-1"_s));
        QVERIFY(next());
        QCOMPARE(step(), 4);
        QVERIFY2(problem(u"nameProblem"_s).contains(u"already"_s), qPrintable(problem(u"nameProblem"_s)));
        QVERIFY(m_app.type(item(u"nameInput"_s), u"web"_s));
        QTRY_COMPARE(problem(u"nameProblem"_s), QString());
        QVERIFY(m_app.type(item(u"sshKeysInput"_s), u"ssh-ed25519 not-a-key"_s));
        QTRY_VERIFY(!problem(u"sshKeysProblem"_s).isEmpty());
        QVERIFY(m_app.type(item(u"sshKeysInput"_s), key));
        QTRY_COMPARE(problem(u"sshKeysProblem"_s), QString());
        QVERIFY(m_app.click(item(u"advanced"_s)));
        QTRY_VERIFY(item(u"ownConfigInput"_s)->isVisible());
        QVERIFY(m_app.type(item(u"ownConfigInput"_s), u"packages: [htop"_s));
        QTRY_VERIFY2(problem(u"ownConfigProblem"_s).contains(u"line"_s), qPrintable(problem(u"ownConfigProblem"_s)));
        QVERIFY(next());
        QCOMPARE(step(), 4);
        QVERIFY(m_app.type(item(u"ownConfigInput"_s), u"packages: [htop]"_s));
        QTRY_COMPARE(problem(u"ownConfigProblem"_s), QString());
        QVERIFY(m_app.screenshot(u"create-setup"_s));
        QVERIFY(next());
        QCOMPARE(step(), 5);
    }

    void reviewAndMakeThree()
    {
        QQuickItem *count = item(u"count"_s);
        count->forceActiveFocus();
        QTRY_VERIFY(count->hasActiveFocus());
        QTest::keyClick(m_app.window(), Qt::Key_Up);
        QTest::keyClick(m_app.window(), Qt::Key_Up);
        QTRY_COMPARE(item(u"machineNames"_s)->property("text").toString(), u"web-01, web-02, web-03"_s);
        QVERIFY(m_app.click(item(u"showDetails"_s)));
        const QString xml = item(u"domainXml"_s)->property("text").toString();
        QVERIFY2(xml.startsWith(u"<domain"_s) && xml.contains(u"<name>web-01</name>"_s), qPrintable(xml.left(300)));
        QVERIFY(m_app.screenshot(u"create-review"_s));
        QVERIFY(m_app.click(item(u"wizardCreate"_s)));
        QCOMPARE(step(), 6);
        for (const QString &name : {u"web-01"_s, u"web-02"_s, u"web-03"_s}) {
            QTRY_VERIFY_WITH_TIMEOUT(
                machine(u"helsinki-rack"_s, name) && machine(u"helsinki-rack"_s, name)->isRunning(), timeoutMs);
            QCOMPARE(machine(u"helsinki-rack"_s, name)->metadata.image, debian);
        }
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardClose"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.screenshot(u"create-progress"_s));
        QVERIFY(m_app.click(item(u"showMachines"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"machineSearch"_s), timeoutMs);
        QVERIFY(m_app.type(item(u"machineSearch"_s), u"web-0"_s));
        for (const QString &name : {u"web-01"_s, u"web-02"_s, u"web-03"_s}) {
            QTRY_VERIFY_WITH_TIMEOUT(m_app.rowInView("machineList", name), timeoutMs);
        }
        QVERIFY(m_app.type(item(u"machineSearch"_s), QString()));
    }

    // A machine deleted with its disks: its data disk, kept apart, stays
    // unless picked; its root disk and seed go.
    void deleteOneAndKeepItsData()
    {
        const Machine *web = machine(u"helsinki-rack"_s, u"web-03"_s);
        QVERIFY(web);
        const QString tag = web->uuid.left(8);
        QVERIFY(item(u"machinesPage"_s)); // where the run above ended
        QVERIFY(m_app.type(item(u"machineSearch"_s), u"name:web-03"_s));
        QQuickItem *page = item(u"machinesPage"_s);
        QTRY_VERIFY(m_app.rowInView("machineList", u"web-03"_s));
        QVERIFY(QMetaObject::invokeMethod(page, "selectAll"));
        QTRY_COMPARE(page->property("selectedCount").toInt(), 1);
        QObject *remove = page->findChild<QObject *>(u"deleteAction"_s);
        QTRY_VERIFY(remove->property("enabled").toBool());
        QVERIFY(QMetaObject::invokeMethod(remove, "trigger"));
        QObject *dialog = page->findChild<QObject *>(u"machineConfirmation"_s);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QCOMPARE(dialog->property("disks").toList().size(), 3); // root, data, and the seed Flotilla made
        QVERIFY(m_app.waitUntilOpened(item(u"deleteStorage"_s)));
        QVERIFY(m_app.click(item(u"deleteStorage"_s)));
        QQuickItem *root = nullptr;
        QQuickItem *data = nullptr;
        for (const QVariant &disk : dialog->property("disks").toList()) {
            const QString path = disk.toMap().value(u"path"_s).toString();
            QQuickItem *box = m_app.item(QLatin1StringView((u"deleteDisk:"_s + path).toLatin1()));
            QVERIFY2(box, qPrintable(path));
            (path.contains(u"-data-"_s) ? data : path.contains(u"-root-"_s) ? root : box) = box;
        }
        QVERIFY(root && data);
        QTRY_VERIFY(root->property("checked").toBool() && root->isEnabled());
        QVERIFY(!data->property("checked").toBool() && data->isEnabled());
        QVERIFY(m_app.screenshot(u"machines-delete-keep-data"_s));
        QSignalSpy deleted(&m_app.fleet(), &Fleet::requestFinished);
        QObject *confirm = dialog->findChild<QObject *>(u"confirmAction"_s);
        QVERIFY(QMetaObject::invokeMethod(confirm, "trigger"));
        QVERIFY(deleted.wait(timeoutMs)); // the machine and the disks picked
        QTRY_VERIFY_WITH_TIMEOUT(!machine(u"helsinki-rack"_s, u"web-03"_s), timeoutMs);
        const auto volumes = [this] {
            QStringList names;
            for (const NodeVolume &volume : node(u"helsinki-rack"_s).stock.volumes) {
                names.append(volume.name);
            }
            return names;
        };
        m_app.fleet().readStock(u"helsinki-rack"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!volumes().contains(u"web-03-root-"_s + tag + u".qcow2"_s), timeoutMs);
        QVERIFY2(volumes().contains(u"web-03-data-"_s + tag + u".qcow2"_s), qPrintable(volumes().join(u", "_s)));
        QVERIFY(!volumes().contains(u"web-03-seed-"_s + tag + u".iso"_s));
        QVERIFY(m_app.type(item(u"machineSearch"_s), QString()));
    }

    // web-03 made again on the data disk it left: the wizard offers the
    // node's kept data disks, and attaches the one picked.
    void aKeptDataDiskIsUsedAgain()
    {
        QVERIFY(openWizard(u"helsinki-rack"_s));
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardImage:"_s + debian), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardImage:"_s + debian)));
        for (int expected = 1; expected <= 3; ++expected) {
            QVERIFY(next());
            QCOMPARE(step(), expected);
        }
        QVERIFY(m_app.click(item(u"withDataDisk"_s)));
        QTRY_VERIFY(item(u"keptDataDiskChoice"_s)->isVisible());
        const QVariantList kept = wizard->property("keptDataDisks").toList();
        QCOMPARE(kept.size(), 1);
        const QString key = kept.first().toMap().value(u"key"_s).toString();
        QVERIFY2(key.startsWith(u"default/web-03-data-"_s), qPrintable(key));
        QVERIFY(wizard->setProperty("keptDataDisk", key)); // as picking it in the list does
        QTRY_VERIFY(!item(u"dataGiBInput"_s)->isVisible()); // its size is its own
        QVERIFY(wizard->setProperty("count", 2));
        QTRY_VERIFY(!problem(u"keptDataDiskProblem"_s).isEmpty()); // one disk, one machine
        QVERIFY(wizard->setProperty("count", 1));
        QTRY_COMPARE(problem(u"keptDataDiskProblem"_s), QString());
        QVERIFY(m_app.screenshot(u"create-kept-data"_s));
        QVERIFY(next());
        QCOMPARE(step(), 4);
        QVERIFY(m_app.type(item(u"nameInput"_s), u"web-03"_s));
        QVERIFY(next());
        QCOMPARE(step(), 5);
        QVERIFY(m_app.click(item(u"wizardCreate"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(machine(u"helsinki-rack"_s, u"web-03"_s), timeoutMs);
        const QString data = key;
        QVERIFY(std::ranges::any_of(
            machine(u"helsinki-rack"_s, u"web-03"_s)->disks, [&](const Disk &disk) { return disk.source == data; }));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardClose"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardClose"_s)));
    }

    // A fixed address, checked at the setup step and shown in the setup the
    // machine boots with; and UEFI, which the demo's nodes do not have.
    void aFixedAddressAndUefi()
    {
        QVERIFY(openWizard(u"helsinki-rack"_s));
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardImage:"_s + debian), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardImage:"_s + debian)));
        QVERIFY(next());
        QCOMPARE(step(), 1);
        QVERIFY(next());
        QVERIFY(next());
        QCOMPARE(step(), 3);
        QQuickItem *firmware = item(u"firmware"_s);
        QVERIFY(firmware);
        QVERIFY2(firmware->property("displayText").toString() == u"BIOS"_s,
            qPrintable(firmware->property("displayText").toString()));
        QVERIFY(wizard->setProperty("uefi", true));
        QTRY_VERIFY2(problem(u"uefiProblem"_s).contains(u"UEFI"_s), qPrintable(problem(u"uefiProblem"_s)));
        QVERIFY(next());
        QCOMPARE(step(), 3); // refused: no UEFI firmware on this node
        QVERIFY(wizard->setProperty("uefi", false));
        QVERIFY(next());
        QCOMPARE(step(), 4);
        QVERIFY(m_app.type(item(u"nameInput"_s), u"db"_s));
        QVERIFY(m_app.click(item(u"staticAddress"_s)));
        QTRY_VERIFY(item(u"addressInput"_s)->isVisible());
        QVERIFY(m_app.type(item(u"addressInput"_s), u"10.20.0.5"_s)); // no prefix
        QTRY_VERIFY2(!problem(u"addressProblem"_s).isEmpty(), "an address without its prefix is named");
        QVERIFY(next());
        QCOMPARE(step(), 4);
        QVERIFY(m_app.type(item(u"addressInput"_s), u"10.20.0.5/24"_s));
        QVERIFY(m_app.type(item(u"gatewayInput"_s), u"10.20.0.1"_s));
        QTRY_COMPARE(problem(u"addressProblem"_s), QString());
        QVERIFY(next());
        QCOMPARE(step(), 5);
        QVERIFY(m_app.click(item(u"showDetails"_s)));
        QTRY_VERIFY(item(u"setupDocuments"_s)->isVisible());
        const QString setup = item(u"setupDocuments"_s)->property("text").toString();
        QVERIFY2(setup.contains(u"10.20.0.5/24"_s) && setup.contains(u"10.20.0.1"_s), qPrintable(setup));
        QVERIFY2(setup.contains(u"hostname: \"db\""_s) || setup.contains(u"hostname: db"_s), qPrintable(setup));
        QVERIFY(m_app.call("showMachines")); // nothing made: the wizard is left
    }

    // An installer (the demo's Alpine ISO): booted from with an empty root
    // disk, set up in the installer rather than by cloud-init.
    void installsFromAnInstaller()
    {
        const QString alpine = u"alpine-virt-3.20.3-x86_64.iso"_s;
        QVERIFY(openWizard(u"helsinki-rack"_s));
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardImage:"_s + alpine), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardImage:"_s + alpine)));
        QTRY_VERIFY(wizard->property("installing").toBool());
        QCOMPARE(problem(u"imageProblem"_s), QString());
        for (int expected = 1; expected <= 4; ++expected) {
            QVERIFY(next());
            QCOMPARE(step(), expected);
        }
        QVERIFY(item(u"installerNotice"_s)->isVisible());
        QTRY_VERIFY(!item(u"installerNotice"_s)->property("animating").toBool()); // its text fades in after
        QVERIFY(!item(u"userNameInput"_s) || !item(u"userNameInput"_s)->isVisible());
        QVERIFY(m_app.type(item(u"nameInput"_s), u"alpine-01"_s));
        QVERIFY(m_app.screenshot(u"create-installer"_s));
        QVERIFY(next());
        QCOMPARE(step(), 5);
        const QString xml = wizard->property("domainXml").toString();
        QVERIFY2(xml.contains(alpine) && xml.contains(u"<boot dev=\"cdrom\"/>"_s), qPrintable(xml));
        QVERIFY(!xml.contains(u"-seed-"_s));
        QVERIFY(m_app.click(item(u"wizardCreate"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(machine(u"helsinki-rack"_s, u"alpine-01"_s), timeoutMs);
        const Machine *made = machine(u"helsinki-rack"_s, u"alpine-01"_s);
        QVERIFY(std::ranges::any_of(
            made->disks, [&](const Disk &disk) { return disk.device == u"cdrom"_s && disk.source.contains(alpine); }));
        QVERIFY(std::ranges::none_of(made->disks, [](const Disk &disk) { return disk.source.contains(u"-seed-"_s); }));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardClose"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardClose"_s)));
    }

    // The node's page lists its images with how many machines use each,
    // and starts the wizard on that node.
    void theNodePageShowsItsImages()
    {
        QVERIFY(QMetaObject::invokeMethod(m_app.window(), "openNode", Q_ARG(QString, u"helsinki-rack"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"libraryImage:"_s + debian), timeoutMs);
        // Found afresh each time: the rows are made again when the pools are read again.
        const auto facts = [this] {
            QQuickItem *row = item(u"libraryImage:"_s + debian);
            QQuickItem *label = row ? AppWindow::find(row, QLatin1StringView("imageFacts")) : nullptr;
            return label ? label->property("text").toString() : QString();
        };
        // web-01, web-02, and web-03 made again on its kept data disk, with
        // the demo's three replicas there (shop-02, shop-05, k3s-01).
        QTRY_VERIFY2_WITH_TIMEOUT(facts().contains(u"used by 6 machines"_s), qPrintable(facts()), timeoutMs);
        QVERIFY(m_app.waitUntilStill(item(u"imageLibrary"_s)));
        m_app.scrollIntoView(item(u"imageLibrary"_s));
        QVERIFY(m_app.screenshot(u"node-images"_s));
        QVERIFY(m_app.click(item(u"createMachineHere"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"machineWizardPage"_s), timeoutMs);
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        QCOMPARE(wizard->property("nodeId").toString(), u"helsinki-rack"_s);
        QVERIFY(m_app.waitUntilStill(item(u"wizardNext"_s)));
    }

    // A node's marker on the map offers the wizard on that node.
    void theMapOffersTheWizard()
    {
        QVERIFY(m_app.call("showDashboard"));
        // The node's page, which has a map too, goes first.
        QTRY_VERIFY_WITH_TIMEOUT(!item(u"nodePage"_s) && !item(u"machineWizardPage"_s), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"worldMap"_s), timeoutMs);
        QQuickItem *map = item(u"worldMap"_s);
        QVERIFY(m_app.waitUntilStill(map));
        m_app.scrollIntoView(map);
        QPointF marker;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QVariant &entry : map->property("groups").toList()) {
                    const QVariantMap group = entry.toMap();
                    if (group.value(u"nodeIds"_s).toStringList() == QStringList{u"singapore-edge"_s}) {
                        marker = QPointF(group.value(u"x"_s).toDouble(), group.value(u"y"_s).toDouble());
                        return true;
                    }
                }
                return false;
            }(),
            timeoutMs);
        QTest::mouseClick(m_app.window(), Qt::RightButton, {}, map->mapToScene(marker).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(item(u"mapCreateMachine"_s) && item(u"mapCreateMachine"_s)->isVisible(), timeoutMs);
        QVERIFY(m_app.waitUntilOpened(item(u"mapCreateMachine"_s)));
        QVERIFY(m_app.click(item(u"mapCreateMachine"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"machineWizardPage"_s), timeoutMs);
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        QCOMPARE(wizard->property("nodeId").toString(), u"singapore-edge"_s);
        QVERIFY(m_app.waitUntilStill(item(u"wizardNext"_s)));
        QVERIFY(m_app.call("showDashboard"));
    }

    // A node that is slow to answer (a daemon held still) while the run
    // starts: Cancel stops every machine before anything is made.
    void aCancelledRunLeavesNothing()
    {
        Testing::LibvirtDaemon daemon;
        QVERIFY(daemon.start().ok());
        // Held open to the end: the test driver forgets its state when its last connection closes.
        const Libvirt::Connection direct(virConnectOpen(daemon.uri().toUtf8().constData()));
        QVERIFY(direct);
        QVERIFY(
            NodeVolumes::createEmpty(direct.get(), u"default-pool"_s, u"base.qcow2"_s, 1ULL << 30, u"qcow2"_s).ok());
        m_app.fleet().addNode(NodeEntry{.id = u"slow"_s, .name = u"Slow node"_s, .uri = daemon.uri()});
        QTRY_VERIFY_WITH_TIMEOUT(node(u"slow"_s).hasInventory, timeoutMs);
        const qsizetype machinesBefore = node(u"slow"_s).machines.machines().size();
        QVERIFY(openWizard(u"slow"_s));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardImage:base.qcow2"_s), timeoutMs);
        QVERIFY(m_app.click(item(u"wizardImage:base.qcow2"_s)));
        QObject *wizard = item(u"machineWizardPage"_s)->property("wizard").value<QObject *>();
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(next(), qPrintable(QString::number(i)));
        }
        QCOMPARE(step(), 5);
        QVERIFY(wizard->setProperty("count", 2));
        daemon.pause();
        QVERIFY(m_app.click(item(u"wizardCreate"_s)));
        QTRY_VERIFY(item(u"wizardCancel"_s)->isVisible());
        QVERIFY(m_app.click(item(u"wizardCancel"_s)));
        daemon.resume();
        QTRY_VERIFY_WITH_TIMEOUT(item(u"wizardClose"_s)->isVisible(), timeoutMs);
        for (const QVariant &entry : wizard->property("progress").toList()) {
            QCOMPARE(entry.toMap().value(u"state"_s).toString(), u"cancelled"_s);
        }
        virStorageVolPtr *volumes = nullptr;
        const Libvirt::Pool pool(virStoragePoolLookupByName(direct.get(), "default-pool"));
        const int count = virStoragePoolListAllVolumes(pool.get(), &volumes, 0);
        for (int i = 0; i < count; ++i) {
            virStorageVolFree(volumes[i]);
        }
        free(volumes); // NOLINT(cppcoreguidelines-no-malloc)
        QCOMPARE(count, 1); // the image alone
        QCOMPARE(node(u"slow"_s).machines.machines().size(), machinesBefore);
        QVERIFY(m_app.click(item(u"wizardClose"_s)));
        QVERIFY(m_app.fleet().removeNode(u"slow"_s));
    }

    void cleanupTestCase() { QVERIFY2(m_app.warnings().isEmpty(), qPrintable(m_app.warnings().join(u'\n'))); }
};

QTEST_MAIN(CreateMachineTest)
#include "tst_createmachine.moc"
