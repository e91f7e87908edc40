// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtTest
import org.kde.flotilla.charts

// The chart wrapper: its units, and lines that fill from the fleet.
Item {
    width: 900
    height: 700

    MetricChart {
        id: nodeCpu

        width: 400
        height: 300
        title: "CPU"
        source: ChartFeeder.Node
        nodeId: "berlin-home"
        metric: ChartFeeder.Cpu
    }
    MetricChart {
        id: fleetDisk

        x: 450
        width: 400
        height: 300
        title: "Disk"
        metric: ChartFeeder.Disk
    }
    MetricChart {
        id: fleetMemory

        y: 350
        width: 400
        height: 300
        title: "Memory"
        metric: ChartFeeder.Memory
    }

    // Two machines on two nodes charted together (a workload's replicas are), and the first of them alone.
    MetricChart {
        id: replicasMemory

        x: 450
        y: 350
        width: 200
        height: 150
        title: "Memory"
        source: ChartFeeder.Machines
        machines: ["berlin-home/6513270e-269e-4d37-b2a7-4de452e6b438", "helsinki-rack/b2715945-795e-4229-851a-bd81f1d69ed6"]
        metric: ChartFeeder.Memory
    }
    MetricChart {
        id: replicaMemory

        x: 650
        y: 350
        width: 200
        height: 150
        title: "Memory"
        source: ChartFeeder.Machine
        nodeId: "berlin-home"
        machineUuid: "6513270e-269e-4d37-b2a7-4de452e6b438"
        metric: ChartFeeder.Memory
    }

    TestCase {
        name: "MetricChart"
        when: windowShown

        function test_axisOfPercent(): void {
            tryVerify(() => nodeCpu.pointCount > 0, 20000);
            compare(nodeCpu.feeder.valueMax, 100);
            compare(nodeCpu.feeder.tickCount, 5);
            compare(nodeCpu.feeder.labelFormat, "%.0f");
        }

        function test_formatsValues(): void {
            compare(nodeCpu.feeder.formatValue(42), "42 %");
            compare(nodeCpu.feeder.formatValue(2.5), "2.5 %");
            compare(fleetDisk.feeder.formatValue(1.5 * 1024 * 1024), "1.5 MiB/s");
            compare(fleetMemory.feeder.formatValue(2 * 1024 * 1024 * 1024), "2.0 GiB");
            compare(fleetMemory.feeder.formatValue(NaN), "");
        }

        function test_linesAndLegend(): void {
            compare(nodeCpu.feeder.seriesNames.length, 1);
            compare(nodeCpu.lines.length, 1);
            compare(fleetDisk.lines.length, 2);
            compare(fleetDisk.feeder.seriesNames, ["Read", "Write"]);
            compare(fleetDisk.lines[1].name, "Write");
        }

        function test_seriesFillWhenFed(): void {
            tryVerify(() => nodeCpu.pointCount > 1, 20000, "the node's CPU line never filled");
            verify(nodeCpu.lines[0].count > 1);
            compare(nodeCpu.feeder.valueMax, 100);
            compare(nodeCpu.feeder.unitText, "%");
            verify(nodeCpu.feeder.latestText.endsWith(" %"), nodeCpu.feeder.latestText);
            // The test driver's nodes run on the demo's simulated activity, and the chart says so.
            verify(nodeCpu.feeder.simulated);
            const latest = findChild(nodeCpu, "latest");
            compare(latest.text, nodeCpu.feeder.latestText + " · simulated");
            tryVerify(() => fleetDisk.feeder.latestText.startsWith("Read "), 20000, fleetDisk.feeder.latestText);
            verify(fleetDisk.feeder.latestText.includes(" · Write "), fleetDisk.feeder.latestText);
            tryVerify(() => fleetMemory.lines[0].count > 1, 20000, "the fleet's memory line never filled");
            verify(fleetMemory.feeder.valueMax > 0);
            verify(["B", "KiB", "MiB", "GiB", "TiB"].includes(fleetMemory.feeder.unitText));
            // Each point is a moment of the last ten minutes, in the axis' unit.
            const line = fleetMemory.lines[0];
            const last = line.at(line.count - 1);
            verify(last.x <= fleetMemory.feeder.timeTo.getTime());
            verify(last.x >= fleetMemory.feeder.timeFrom.getTime());
            verify(last.y > 0 && last.y <= fleetMemory.feeder.valueMax);
        }

        function test_breaksDownByNode(): void {
            fleetMemory.perNode = true;
            compare(fleetMemory.lines.length, 2);
            compare(fleetMemory.feeder.seriesNames, ["Berlin home server", "Helsinki rented box"]);
            tryVerify(() => fleetMemory.lines[1].count > 1, 20000);
            fleetMemory.perNode = false;
            compare(fleetMemory.lines.length, 1);
            compare(fleetMemory.lines[0].name, "Memory in use");
        }

        function test_machinesTogether(): void {
            tryVerify(() => replicasMemory.lines[0].count > 1 && replicaMemory.lines[0].count > 1, 20000);
            const together = replicasMemory.lines[0];
            const alone = replicaMemory.lines[0];
            // The two replicas' memory summed: more than the first one's alone, at each one's last moment.
            const sum = together.at(together.count - 1).y * replicasMemory.feeder.scale;
            const one = alone.at(alone.count - 1).y * replicaMemory.feeder.scale;
            verify(one > 0, one);
            verify(sum > one * 1.2, sum + " against " + one);
            compare(replicasMemory.feeder.seriesNames, ["Memory in use"]);
        }

        function test_windows(): void {
            for (const seconds of [600, 3600, 86400]) {
                fleetDisk.windowSeconds = seconds;
                compare(fleetDisk.feeder.timeTo.getTime() - fleetDisk.feeder.timeFrom.getTime(), seconds * 1000);
            }
            fleetDisk.windowSeconds = 600;
        }
    }
}
