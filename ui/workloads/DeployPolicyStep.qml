// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami
import org.kde.flotilla.components

/// Step 2: how many replicas, how they spread, where they may go, and what a failed one does.
ColumnLayout {
    id: step

    required property WorkloadDeployer deployer
    property bool showProblems: false

    spacing: Kirigami.Units.largeSpacing

    Kirigami.Heading {
        level: 2
        text: i18nc("@title", "How many, and where?")
    }
    Kirigami.FormLayout {
        Layout.fillWidth: true

        QQC2.SpinBox {
            objectName: "workloadReplicas"
            Kirigami.FormData.label: i18nc("@label:spinbox", "Replicas:")
            from: 1
            to: 1000
            editable: true
            value: step.deployer.replicas
            onValueModified: step.deployer.replicas = value
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.replicas ?? ""
        }
        QQC2.RadioButton {
            objectName: "spreadNodes"
            Kirigami.FormData.label: i18nc("@label", "Spread:")
            text: i18nc("@option:radio", "Over nodes: as few on one node as can be")
            checked: step.deployer.spread === "nodes"
            onClicked: step.deployer.spread = "nodes"
        }
        QQC2.RadioButton {
            objectName: "spreadCountries"
            text: i18nc("@option:radio", "Over countries: as few in one country as can be")
            checked: step.deployer.spread === "countries"
            onClicked: step.deployer.spread = "countries"
        }
        QQC2.RadioButton {
            objectName: "spreadPack"
            text: i18nc("@option:radio", "Packed: onto as few nodes as can hold them")
            checked: step.deployer.spread === "pack"
            onClicked: step.deployer.spread = "pack"
        }
        QQC2.TextField {
            objectName: "workloadCountries"
            Kirigami.FormData.label: i18nc("@label:textbox", "Only in countries:")
            placeholderText: i18nc("@info:placeholder", "any; or codes such as FI DE")
            text: step.deployer.countries
            onTextEdited: step.deployer.countries = text
        }
        ProblemText {
            shown: step.showProblems
            text: step.deployer.problems.countries ?? ""
        }
        QQC2.TextField {
            objectName: "workloadTags"
            Kirigami.FormData.label: i18nc("@label:textbox", "Only nodes tagged:")
            placeholderText: i18nc("@info:placeholder", "any node")
            text: step.deployer.tags
            onTextEdited: step.deployer.tags = text
        }
        QQC2.SpinBox {
            objectName: "workloadPerNode"
            Kirigami.FormData.label: i18nc("@label:spinbox", "At most on one node (0: no limit):")
            from: 0
            to: 1000
            value: step.deployer.maxPerNode
            onValueModified: step.deployer.maxPerNode = value
        }
        QQC2.RadioButton {
            objectName: "allOrNothing"
            Kirigami.FormData.label: i18nc("@label", "If a replica fails:")
            text: i18nc("@option:radio", "Undo them all (all or nothing)")
            checked: !step.deployer.bestEffort
            onClicked: step.deployer.bestEffort = false
        }
        QQC2.RadioButton {
            objectName: "bestEffort"
            text: i18nc("@option:radio", "Try it once on the next best node, keep the rest (best effort)")
            checked: step.deployer.bestEffort
            onClicked: step.deployer.bestEffort = true
        }
    }
}
