// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtTest
import org.kde.flotilla.fleet
import org.kde.flotilla.machines

// The machine search as the machines page uses it: a MachineFilterModel over
// the fleet's machines, given what a person types. The fleet is two test
// nodes: "Berlin home server" in Berlin, Germany (12 machines, tags such as
// media and dev) and "Helsinki rented box" in Helsinki, Finland (18: six
// k3s-* tagged kubernetes, three tagged database of which two are postgres-*).
TestCase {
    name: "MachineSearch"
    when: windowShown

    MachineFilterModel {
        id: found

        sourceModel: FleetView.machines
    }

    MachineFilterModel {
        id: others

        sourceModel: FleetView.machines
    }

    function initTestCase(): void {
        tryVerify(() => FleetView.machines.rowCount() === 30, 20000, "the two test nodes are read");
    }

    function rowsFor(text: string): int {
        found.searchText = text;
        return found.rowCount();
    }

    function test_words_data() {
        return [
            { tag: "everything", text: "", rows: 30 },
            { tag: "a word in names", text: "k3s", rows: 6 },
            { tag: "two words, both needed", text: "k3s agent", rows: 3 },
            { tag: "a word in a node's name", text: "rented", rows: 18 },
            { tag: "a word in tags", text: "monitoring", rows: 3 },
            { tag: "case ignored", text: "POSTGRES", rows: 2 },
            { tag: "nothing", text: "no-such-machine", rows: 0 },
            { tag: "node:", text: "node:berlin", rows: 12 },
            { tag: "node: in capitals", text: "NODE:Helsinki", rows: 18 },
            { tag: "name:", text: "name:k3s-server", rows: 3 },
            { tag: "name: is not the node", text: "name:berlin", rows: 0 },
            { tag: "tag: whole tags only", text: "tag:database", rows: 3 },
            { tag: "tag: not a part", text: "tag:data", rows: 0 },
            { tag: "ip: no such address", text: "ip:203.0.113.", rows: 0 },
            { tag: "a qualifier still being typed", text: "node:", rows: 30 },
            { tag: "negated word", text: "-k3s", rows: 24 },
            { tag: "negated qualifier", text: "-tag:kubernetes node:helsinki", rows: 12 },
            { tag: "quoted node name", text: "node:\"Berlin home\"", rows: 12 },
            { tag: "quoted, negated", text: "-node:\"Berlin home\"", rows: 18 },
            // Unquoted, "home" is a second word that no Helsinki machine has.
            { tag: "the same unquoted", text: "-node:Berlin home", rows: 0 },
            { tag: "country:", text: "country:finland", rows: 18 },
            { tag: "country: by its code", text: "country:DE", rows: 12 },
            { tag: "country: negated", text: "-country:Finland", rows: 12 },
            { tag: "city:", text: "city:BERLIN", rows: 12 },
            { tag: "city: typed with accents", text: "city:Hélsìnki", rows: 18 },
            { tag: "city: and country: together", text: "city:berlin country:finland", rows: 0 },
        ];
    }

    function test_words(row): void {
        compare(rowsFor(row.text), row.rows);
        compare(found.searchProblem, "");
    }

    function test_statesSplitTheFleet(): void {
        for (const state of ["running", "off", "paused", "active"]) {
            found.searchText = "state:" + state;
            others.searchText = "-state:" + state;
            compare(found.rowCount() + others.rowCount(), 30, state);
            compare(found.searchProblem, "");
        }
        found.searchText = "state:RUNNING";
        others.searchText = "state:running";
        compare(found.uuids(), others.uuids());
    }

    function test_unknownStateIsExplained(): void {
        found.searchText = "web state:sleeping";
        verify(found.searchProblem.includes("state:sleeping"), found.searchProblem);
        verify(found.searchProblem.includes("running"), found.searchProblem);
        compare(found.rowCount(), 0);
        found.searchText = "web state:running";
        compare(found.searchProblem, "");
    }
}
