// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// The k3s wizard's first step: the cluster's name and image, how many
/// servers and agents, their sizes, and who may sign in.
ColumnLayout {
    id: step

    required property ClusterDeployer deployer
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "What should the cluster be?")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        QQC2.TextField {
            objectName: "clusterName"
            Kirigami.FormData.label: i18nc("@label:textbox", "Name:")
            text: step.deployer.name
            onTextEdited: step.deployer.name = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.name ?? ""
        }
        QQC2.ComboBox {
            objectName: "clusterImage"
            Kirigami.FormData.label: i18nc("@label:listbox", "Image:")
            model: step.deployer.images.map(image => i18ncp("@item:inlistbox image, on how many nodes", "%2 (on %1 node)", "%2 (on %1 nodes)", image.nodes, image.name))
            currentIndex: step.deployer.images.findIndex(image => image.name === step.deployer.image)
            onActivated: index => step.deployer.image = step.deployer.images[index].name
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.image ?? ""
        }
        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: i18nc("@title:group", "Servers (the control plane)")
        }
        QQC2.SpinBox {
            objectName: "clusterServers"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Servers:")
            from: 1
            to: 7
            stepSize: 2 // 1, 3, 5, 7: etcd needs a majority
            value: step.deployer.servers
            onValueModified: step.deployer.servers = value
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.servers ?? ""
        }
        QQC2.SpinBox {
            objectName: "clusterServerVcpus"
            Kirigami.FormData.label: i18nc("@label:spinbox", "vCPUs each:")
            from: 1
            to: 64
            value: step.deployer.serverVcpus
            onValueModified: step.deployer.serverVcpus = value
        }
        QQC2.SpinBox {
            objectName: "clusterServerMemory"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Memory each (MiB):")
            from: 512
            to: 262144
            stepSize: 256
            editable: true
            value: step.deployer.serverMemoryMiB
            onValueModified: step.deployer.serverMemoryMiB = value
        }
        Kirigami.Separator {
            Kirigami.FormData.isSection: true
            Kirigami.FormData.label: i18nc("@title:group", "Agents (where pods run; they scale like a workload)")
        }
        QQC2.SpinBox {
            objectName: "clusterAgents"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Agents:")
            from: 0
            to: 1000
            editable: true
            value: step.deployer.agents
            onValueModified: step.deployer.agents = value
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.agents ?? ""
        }
        QQC2.SpinBox {
            objectName: "clusterAgentVcpus"
            Kirigami.FormData.label: i18nc("@label:spinbox", "vCPUs each:")
            from: 1
            to: 64
            value: step.deployer.agentVcpus
            onValueModified: step.deployer.agentVcpus = value
        }
        QQC2.SpinBox {
            objectName: "clusterAgentMemory"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Memory each (MiB):")
            from: 512
            to: 262144
            stepSize: 256
            editable: true
            value: step.deployer.agentMemoryMiB
            onValueModified: step.deployer.agentMemoryMiB = value
        }
        Kirigami.Separator {
            Kirigami.FormData.isSection: true
        }
        QQC2.SpinBox {
            objectName: "clusterRoot"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Root disk of each (GiB):")
            from: 5
            to: 4096
            editable: true
            value: step.deployer.rootGiB
            onValueModified: step.deployer.rootGiB = value
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.size ?? ""
        }
        QQC2.TextField {
            objectName: "clusterUser"
            Kirigami.FormData.label: i18nc("@label:textbox", "User:")
            text: step.deployer.userName
            onTextEdited: step.deployer.userName = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.user ?? ""
        }
        QQC2.TextField {
            objectName: "clusterSshKey"
            Kirigami.FormData.label: i18nc("@label:textbox", "SSH key:")
            placeholderText: i18nc("@info:placeholder", "ssh-ed25519 AAAA… you@desktop")
            text: step.deployer.sshKey
            onTextEdited: step.deployer.sshKey = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.sshKey ?? ""
        }
    }
    Kirigami.InlineMessage {
        Layout.fillWidth: true
        visible: true
        type: Kirigami.MessageType.Information
        text: i18nc("@info", "Each machine installs k3s with k3s's own installer on its first boot, so the image needs cloud-init and the machines need the internet. The cluster's token is made for you and kept in your keyring, never on the nodes' records.")
    }
}
