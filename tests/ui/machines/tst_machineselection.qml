// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtTest
import org.kde.flotilla.fleet
import org.kde.flotilla.machines

// Picking machines as the machines page does: toggles, ranges that grow and
// shrink from their anchor, everything shown, all in the order of the list
// as shown. The fleet is two test nodes (tests/data/fleet) with 30 machines.
TestCase {
    name: "MachineSelection"
    when: windowShown

    MachineFilterModel {
        id: shown

        sourceModel: FleetView.machines
        sortKey: MachineFilterModel.ByName
    }

    MachineSelection {
        id: selection

        model: shown
    }

    SignalSpy {
        id: changes

        target: selection
        signalName: "changed"
    }

    function initTestCase(): void {
        tryVerify(() => FleetView.machines.rowCount() === 30, 20000, "the two test nodes are read");
    }

    function init(): void {
        shown.searchText = "";
        selection.clear();
        changes.clear();
    }

    function uuidAt(row: int): string {
        return shown.uuidsBetween(row, row)[0];
    }

    function test_toggle(): void {
        selection.toggle(uuidAt(3));
        selection.toggle(uuidAt(5));
        compare(selection.count, 2);
        verify(selection.contains(uuidAt(3)));
        selection.toggle(uuidAt(3));
        compare(selection.uuids, [uuidAt(5)]);
        compare(changes.count, 3);
    }

    function test_rangeGrowsAndShrinksFromItsAnchor(): void {
        selection.toggle(uuidAt(20)); // picked on its own, outside the range
        selection.toggle(uuidAt(4)); // the anchor
        selection.selectRange(uuidAt(8));
        compare(selection.count, 6, "rows 4 to 8, and row 20");
        selection.selectRange(uuidAt(6));
        compare(selection.count, 4, "the range shrank back to rows 4 to 6");
        verify(!selection.contains(uuidAt(7)));
        verify(selection.contains(uuidAt(20)));
        selection.selectRange(uuidAt(1));
        compare(selection.count, 5, "rows 1 to 4, and row 20: the range turned round");
        verify(!selection.contains(uuidAt(5)));
    }

    function test_rangeWithoutAnchorToggles(): void {
        selection.selectRange(uuidAt(2));
        compare(selection.uuids, [uuidAt(2)]);
    }

    function test_extendByKeys(): void {
        selection.extend(10, 11); // no anchor yet: the current row becomes one
        compare(selection.count, 2);
        selection.extend(11, 12);
        compare(selection.count, 3);
        selection.extend(12, 11);
        compare(selection.count, 2);
        verify(!selection.contains(uuidAt(12)));
        selection.extend(11, 30); // past the last row: nothing happens
        compare(selection.count, 2);
    }

    function test_selectAllTakesWhatIsShown(): void {
        shown.searchText = "node:berlin";
        selection.selectAll();
        compare(selection.count, 12);
        shown.searchText = "";
        compare(selection.count, 12, "hidden machines stay picked");
        selection.selectAll();
        compare(selection.count, 30);
    }
}
