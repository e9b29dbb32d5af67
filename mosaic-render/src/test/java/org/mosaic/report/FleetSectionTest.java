package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.studies.Results;
import org.mosaic.studies.fleet.FleetReport;
import org.mosaic.studies.fleet.FleetReportStudy;

/**
 * The fleet section rendering the {@code report-fleet} study's result (computed once, about 3 s): its figures,
 * tables, JSON (the result's own tree), rows and files, and the logarithmic regrouping of the length histograms. The
 * numbers themselves are checked in {@code FleetReportStudyTest}.
 */
class FleetSectionTest {
    private static FleetSection section;

    @BeforeAll
    static void compute() {
        section = new FleetSection(new FleetReportStudy().run(FleetReportStudy.Input.shipped()));
    }

    // ---- structure ----

    @Test
    void rendersFiguresTablesJsonRowsAndFiles(@TempDir Path dir) throws Exception {
        assertThat(section.id()).isEqualTo("fleet");
        String html = section.html();
        // per cluster: floor, lengths, policies; plus the density chart
        assertThat(html.split("<svg", -1)).hasSize(1 + 2 * 3 + 1);
        assertThat(html.split("<figure>", -1)).hasSize(1 + 2 * 3 + 1);
        for (String id : List.of("fleet-h100-16k-floor", "fleet-h100-16k-lengths", "fleet-h100-16k-policies", "fleet-cluster-100k-floor",
                "fleet-cluster-100k-lengths", "fleet-cluster-100k-policies", "fleet-density")) {
            assertThat(html).contains("<svg id='" + id + "'");
        }
        // summary, per cluster: technology, lengths, savings; density; provenance
        assertThat(html.split("<table>", -1).length - 1).isEqualTo(1 + 2 * 3 + 1 + 1);
        assertThat(html).contains("mosaic-beyond-copper", "homes", "spine room").doesNotContain("NaN", "Infinity");

        JsonNode json = section.json();
        for (String key : List.of("economics", "presets", "rackDensity", "provenance")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        JsonNode h100 = json.get("presets").get(FleetReportStudy.H100);
        assertThat(h100.get("gpus").asLong()).isEqualTo(16384);
        assertThat(h100.get("policies")).hasSize(Policy.NAMES.size());
        assertThat(h100.get("savingsAgainstToday")).hasSize(Policy.NAMES.size() - 1);
        assertThat(h100.get("policies").get(0).has("metrics")).isFalse();
        assertThat(h100.get("policies").get(0).get("interconnectPowerWattsByTier").size()).isEqualTo(4);

        assertThat(section.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.subject()).isNotBlank();
            if (r.value() instanceof Double d) {
                assertThat(d).isFinite();
            }
        });

        List<Section.DataFile> files = section.files();
        assertThat(files).extracting(Section.DataFile::name).containsExactly("fleet-policies.csv", "fleet-lengths.csv",
                "fleet-racks.csv", "fleet-rack-density.csv");
        long bins = 0;
        long racks = 0;
        for (FleetReport.ClusterFleet f : section.report().fleets()) {
            bins += f.lengthHistograms().stream().mapToLong(t -> t.bins().size()).sum();
            racks += f.floor().racks().size();
        }
        assertThat(files.get(1).content().split("\n")).hasSize(1 + (int) bins);
        assertThat(files.get(2).content().split("\n")).hasSize(1 + (int) racks);
        assertThat(files.get(3).content().split("\n")).hasSize(1 + section.report().rackDensity().options().size());
        for (Section.DataFile f : files) {
            String[] lines = f.content().split("\n");
            int columns = lines[0].split(",", -1).length;
            for (String l : lines) {
                assertThat(l.split(",", -1)).as(f.name() + ": " + l).hasSize(columns);
            }
        }

        Path out = dir.resolve("r");
        new Report("T", "").add(section).write(out);
        assertThat(Files.readString(out.resolve("index.html"))).contains("<section id=\"fleet\">");
        assertThat(Files.readString(out.resolve("results.csv"))).contains("fleet,");
        assertThat(out.resolve("fleet-racks.csv")).exists();
    }

    @Test
    void jsonIsTheStudysResultTree() {
        assertThat(section.json()).isEqualTo(Results.tree(section.report()));
        // the policies' keys: the model's result without metrics and histograms, then the sums by tier and technology
        JsonNode p = section.json().get("presets").get(FleetReportStudy.CLUSTER_100K).get("policies").get(0);
        List<String> keys = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("cluster", "layout", "policy").endsWith("maxKwPerRack", "racksPerDomain",
                "interconnectPowerWattsByTier", "linkFailuresPerDayByTier", "linkFailuresPerDayByTechnology", "unservedByTier");
    }

    // ---- the length histograms ----

    @Test
    void logBinsFollowTheClosedFormEdges() {
        // 10 per decade: an upper edge u goes to the bin (10^((k-1)/10), 10^(k/10)] with k = ceil(10 log10 u)
        double[][] b = FleetFigures.logBins(List.of(new CablePlan.Bin(0.25, 3), new CablePlan.Bin(0.5, 4), new CablePlan.Bin(1.0, 5),
                new CablePlan.Bin(10.0, 6), new CablePlan.Bin(10.25, 7)), 10);
        // 0.25 -> k = -6 (log10 0.25 = -0.602); 0.5 -> k = -3 (-0.301); 1 -> k = 0; 10 -> k = 10; 10.25 -> k = 11
        assertThat(b[1]).containsExactly(new double[] {Math.pow(10, -0.6), Math.pow(10, -0.3), 1, 10, Math.pow(10, 1.1)}, within(1e-12));
        assertThat(b[0]).containsExactly(new double[] {Math.pow(10, -0.7), Math.pow(10, -0.4), Math.pow(10, -0.1), Math.pow(10, 0.9), 10},
                within(1e-12));
        assertThat(b[2]).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void logBinsKeepEveryCableOfEveryTier() {
        for (FleetReport.ClusterFleet f : section.report().fleets()) {
            for (CablePlan.TierLengths t : f.lengthHistograms()) {
                double[][] b = FleetFigures.logBins(t.bins(), FleetFigures.BINS_PER_DECADE);
                double sum = 0;
                for (double c : b[2]) {
                    sum += c;
                }
                assertThat(sum).as(f.name() + " " + t.tier()).isEqualTo(t.links());
                for (CablePlan.Bin bin : t.bins()) {
                    // every model bin's upper edge lies inside one drawn bin
                    long holding = java.util.stream.IntStream.range(0, b[0].length)
                            .filter(i -> b[0][i] < bin.upToMeters() * (1 + 1e-9) && bin.upToMeters() <= b[1][i] * (1 + 1e-9)).count();
                    assertThat(holding).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    // ---- the floor ----

    @Test
    void theFloorDrawsEveryRackEveryDrawnCableAndEachBlock() {
        for (FleetReport.ClusterFleet f : section.report().fleets()) {
            assertThat(f.floor().policy()).isEqualTo(FleetReportStudy.FLOOR_POLICY);
            JFreeChart floor = section.floorChart(f);
            int blocks = f.spineRoomRows() > 0 ? 2 : 1;
            assertThat(((XYPlot) floor.getPlot()).getAnnotations()).hasSize(f.floor().racks().size() + f.floor().cables().size() + blocks);
        }
        assertThat(section.figures()).hasSize(2 * 3 + 1);
        assertThat(Policy.NAMES).contains(FleetReportStudy.FLOOR_POLICY);
    }
}
