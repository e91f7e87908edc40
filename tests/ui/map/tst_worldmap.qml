// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtTest
import org.kde.flotilla.map

// The map item on its own: where known cities land, and which nodes group
// together at two zoom levels.
TestCase {
    id: testCase

    name: "WorldMap"
    width: 720
    height: 400
    visible: true
    when: windowShown

    ListModel {
        id: nodes

        ListElement { nodeId: "berlin"; name: "Berlin"; city: "Berlin"; latitude: 52.52; longitude: 13.405; connectionState: 1; cpuPercent: 10; machineCount: 12 }
        ListElement { nodeId: "potsdam"; name: "Potsdam"; city: "Potsdam"; latitude: 52.39; longitude: 13.06; connectionState: 1; cpuPercent: 80; machineCount: 3 }
        ListElement { nodeId: "saopaulo"; name: "São Paulo"; city: "São Paulo"; latitude: -23.55; longitude: -46.63; connectionState: 4; cpuPercent: 0; machineCount: 5 }
    }

    WorldMap {
        id: map

        anchors.fill: parent
        model: nodes
        markerSize: 10
    }

    // Where Tab goes after the map.
    Item {
        id: after

        activeFocusOnTab: true
    }

    SignalSpy {
        id: clicked

        target: map
        signalName: "nodeClicked"
    }

    SignalSpy {
        id: picked

        target: map
        signalName: "locationPicked"
    }

    function init(): void {
        map.resetView();
        map.picking = false;
        clicked.clear();
        picked.clear();
    }

    function test_projectsKnownCities(): void {
        // 720 × 400 shows 360° × 144°: two pixels a degree, the world 288 pixels high, centred.
        const top = (400 - 288) / 2;
        const berlin = map.itemPoint(52.52, 13.405);
        fuzzyCompare(berlin.x, (13.405 + 180) * 2, 0.01);
        fuzzyCompare(berlin.y, top + (84 - 52.52) * 2, 0.01);
        const reykjavik = map.itemPoint(64.13, -21.9);
        fuzzyCompare(reykjavik.x, (180 - 21.9) * 2, 0.01);
        const place = map.placeAt(Qt.point(reykjavik.x, reykjavik.y));
        fuzzyCompare(place.y, 64.13, 0.001);
        fuzzyCompare(place.x, -21.9, 0.001);
    }

    function test_groupsNeighboursUntilZoomedIn(): void {
        // Berlin and Potsdam are 25 km apart: one marker for the whole world.
        compare(map.groups.length, 2);
        const germany = map.groups.find(group => group.nodeIds.includes("berlin"));
        compare(germany.count, 2);
        compare(germany.nodeIds, ["berlin", "potsdam"]);
        map.centreOn(52.45, 13.2, 40);
        compare(map.zoom, 40);
        compare(map.groups.filter(group => group.count === 1 && group.x >= 0 && group.x <= width).length, 2);
        compare(map.groups.length, 3);
    }

    function test_clickOpensANodeOrZoomsIntoAGroup(): void {
        const saoPaulo = map.itemPoint(-23.55, -46.63);
        mouseClick(map, saoPaulo.x, saoPaulo.y);
        compare(clicked.count, 1);
        compare(clicked.signalArguments[0][0], "saopaulo");
        const berlin = map.itemPoint(52.46, 13.23);
        mouseClick(map, berlin.x, berlin.y);
        compare(clicked.count, 1); // a group: no node opens, the map zooms in
        verify(map.zoom > 2);
    }

    function test_pickingPinsAPlace(): void {
        map.picking = true;
        const point = map.itemPoint(64.13, -21.9);
        mouseClick(map, point.x, point.y);
        compare(picked.count, 1);
        // A click lands on a whole pixel: half a degree at this zoom.
        fuzzyCompare(picked.signalArguments[0][0], 64.13, 0.5);
        fuzzyCompare(picked.signalArguments[0][1], -21.9, 0.5);
        verify(map.hasPin);
        compare(clicked.count, 0);
    }

    function test_followsTheModel(): void {
        nodes.append({ nodeId: "reykjavik", name: "Reykjavík", city: "Reykjavík", latitude: 64.13, longitude: -21.9,
                       connectionState: 1, cpuPercent: 5, machineCount: 1 });
        compare(map.groups.length, 3);
        nodes.setProperty(3, "latitude", -33.87);
        nodes.setProperty(3, "longitude", 151.21);
        compare(map.groups.length, 3);
        nodes.remove(3);
        compare(map.groups.length, 2);
    }

    function test_hoverDescribesWhatIsUnderThePointer(): void {
        const saoPaulo = map.itemPoint(-23.55, -46.63);
        mouseMove(map, saoPaulo.x, saoPaulo.y);
        tryVerify(() => map.hoverText.includes("São Paulo"));
        verify(map.hoverText.includes("5 machines"));
        const berlin = map.itemPoint(52.46, 13.23);
        mouseMove(map, berlin.x, berlin.y);
        tryVerify(() => map.hoverText.includes("2 nodes here"));
        verify(map.hoverText.includes("Potsdam"));
        mouseMove(map, 2, 2); // the Arctic sea
        tryCompare(map, "hoverText", "");
    }

    function test_tabWalksTheMarkersAndEnterOpensOne(): void {
        // Tab into the map: the westmost marker first, São Paulo.
        after.forceActiveFocus();
        map.forceActiveFocus(Qt.TabFocusReason);
        compare(map.focusedNodeId, "saopaulo");
        verify(map.focusText.includes("São Paulo"), map.focusText);
        verify(map.focusText.includes("5 machines"), map.focusText);
        keyClick(Qt.Key_Return);
        compare(clicked.count, 1);
        compare(clicked.signalArguments[0][0], "saopaulo");
        // Arrows still pan (zoomed in: the whole world has nowhere to go); the marker keeps the keyboard.
        map.zoom = 2;
        const before = map.itemPoint(0, 0);
        keyClick(Qt.Key_Right);
        verify(map.itemPoint(0, 0).x < before.x);
        compare(map.focusedNodeId, "saopaulo");
        map.resetView();
        // Next, the Berlin group (one marker for two nodes): Space zooms into it like a click.
        keyClick(Qt.Key_Tab);
        compare(map.focusedNodeId, "berlin");
        verify(map.focusText.includes("2 nodes here"), map.focusText);
        keyClick(Qt.Key_Space);
        compare(clicked.count, 1);
        verify(map.zoom > 2);
        map.resetView();
        // Past the last marker, Tab leaves the map; Shift+Tab comes back to the last.
        keyClick(Qt.Key_Tab);
        compare(map.focusedNodeId, "");
        verify(after.activeFocus);
        keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
        verify(map.activeFocus);
        compare(map.focusedNodeId, "berlin");
        keyClick(Qt.Key_Escape);
        compare(map.focusedNodeId, "");
        compare(map.focusText, "");
    }

    function test_keysZoomAndReset(): void {
        map.forceActiveFocus();
        keyClick(Qt.Key_Plus);
        fuzzyCompare(map.zoom, 1.5, 0.001);
        keyClick(Qt.Key_0);
        compare(map.zoom, 1);
    }
}
