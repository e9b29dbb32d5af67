package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    /** A 3 × 4 grid (length × attachment-like levels), two metrics, points 5 and 10 refused, point 7 without a value. */
    static SweepReport.Sweep grid(List<SweepReport.Objective> objectives, Set<Long> front) {
        List<String> lengths = List.of("10 m", "20 m", "30 m");
        List<String> modes = List.of("a", "b", "c", "d");
        List<SweepReport.Row> rows = new ArrayList<>();
        long p = 0;
        for (int i = 0; i < lengths.size(); i++) {
            for (int j = 0; j < modes.size(); j++, p++) {
                boolean refused = p == 5 || p == 10;
                double watts = 5 + i + 0.3 * j;
                double afr = p == 7 ? Double.NaN : 0.01 / (1 + j) * (1 + i);
                rows.add(new SweepReport.Row(p, List.of(lengths.get(i), modes.get(j)), new double[] {10.0 * (i + 1), Double.NaN},
                        refused ? new double[] {Double.NaN, Double.NaN} : new double[] {watts, afr},
                        refused ? "impossible cable plan: point " + p : null));
            }
        }
        return new SweepReport.Sweep("cable", "sweep cable --vary cable.fiber.length=10m..30m:10m --vary x=a,b,c,d", 12, true,
                List.of(new SweepReport.Axis("cable.fiber.length", "m"), new SweepReport.Axis("x", null)),
                List.of(new SweepReport.Metric("power.perEndWatts", "W"), new SweepReport.Metric("reliability.afrPerCable", "")),
                rows, objectives, front);
    }

    static Set<Long> ids(String html, String chart, String kind) {
        Matcher m = Pattern.compile("id=[\"']" + Pattern.quote(chart) + "-" + kind + "-(\\d+)[\"']").matcher(html);
        Set<Long> out = new TreeSet<>();
        int n = 0;
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
            n++;
        }
        assertThat(n).as("each " + kind + " id in " + chart + " once").isEqualTo(out.size());
        return out;
    }

    static int svgCount(String html) {
        return html.split("<svg", -1).length - 1;
    }

    @Test
    void onePanelPerExpectedChart() {
        String html = SweepReport.html(grid(List.of(new SweepReport.Objective(0, true), new SweepReport.Objective(1, true)),
                Set.of(0L, 3L)));
        // the Pareto chart, a heat map per metric (2), the scatter matrix: 2 metrics × 2 axes
        assertThat(svgCount(html)).isEqualTo(1 + 2 + 4);
        for (String id : List.of("pareto-0", "heat-0", "heat-1", "scatter-0-0", "scatter-0-1", "scatter-1-0", "scatter-1-1")) {
            assertThat(html).contains("<svg id='" + id + "'");
        }
    }

    @Test
    void withoutObjectivesOrTwoAxisGridThereIsNoParetoOrHeatMap() {
        SweepReport.Sweep g = grid(List.of(), Set.of());
        SweepReport.Sweep sample = new SweepReport.Sweep(g.study(), g.command(), g.size(), false, g.axes(), g.metrics(), g.rows(),
                List.of(), Set.of());
        String html = SweepReport.html(sample);
        assertThat(svgCount(html)).isEqualTo(4);
        assertThat(html).doesNotContain("id='pareto-").doesNotContain("id='heat-");
    }

    @Test
    void heatMapHasOneCellPerGridPointAndRefusedCellsAreGreyNotValues() {
        String html = SweepReport.html(grid(List.of(), Set.of()));
        for (String chart : List.of("heat-0", "heat-1")) {
            Set<Long> values = ids(html, chart, "cell");
            Set<Long> refused = ids(html, chart, "refused");
            Set<Long> none = ids(html, chart, "novalue");
            assertThat(values.size() + refused.size() + none.size()).as("cells = grid size").isEqualTo(12);
            assertThat(refused).containsExactly(5L, 10L);
            assertThat(values).doesNotContain(5L, 10L);
        }
        assertThat(ids(html, "heat-0", "novalue")).isEmpty();
        assertThat(ids(html, "heat-1", "novalue")).containsExactly(7L);   // afr is NaN at point 7
        assertThat(html).contains("2 refused (grey, hatched)");
    }

    @Test
    void frontPointsInTheSvgAreTheFrontRowsAndRefusedRowsAreNeverPlotted() {
        Set<Long> front = Set.of(0L, 3L, 11L);
        String html = SweepReport.html(grid(List.of(new SweepReport.Objective(0, true), new SweepReport.Objective(1, true)), front));
        assertThat(ids(html, "pareto-0", "front")).isEqualTo(new TreeSet<>(front));
        Set<Long> dominated = ids(html, "pareto-0", "pt");
        assertThat(dominated).doesNotContainAnyElementsOf(front);
        // 12 points: 2 refused, point 7 has no AFR (not drawn in the AFR chart), the rest drawn once each
        assertThat(dominated.size() + front.size()).isEqualTo(12 - 2 - 1);
        for (String chart : List.of("pareto-0", "scatter-0-0", "scatter-0-1", "scatter-1-0", "scatter-1-1")) {
            assertThat(ids(html, chart, "pt")).doesNotContain(5L, 10L);
        }
        assertThat(ids(html, "scatter-0-0", "pt")).hasSize(10);
        assertThat(html).contains("2 refused points not plotted");
    }

    @Test
    void writtenAtomicallyAndReplacesAPreviousSweepReportOnly(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("report");
        SweepReport.checkTarget("--report", dir);
        Path index = SweepReport.write(grid(List.of(), Set.of()), dir);
        assertThat(Files.readString(index)).startsWith("<!DOCTYPE html>");
        SweepReport.checkTarget("--report", dir);   // a previous report may be replaced
        SweepReport.write(grid(List.of(), Set.of()), dir);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report");
        }
        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepReport.checkTarget("--report", other))
                .hasMessageContaining("already holds files that are not a Mosaic report");
    }
}
