package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.studies.Progress;
import org.mosaic.studies.inference.ServingReport;
import org.mosaic.studies.inference.ServingReportStudy;

/** The serving section over the report's standard input: its table, chart and text carry the study's numbers, nothing else. */
class ServingSectionTest {
    private static ServingReport report;
    private static ServingSection section;
    private static String html;

    @BeforeAll
    static void compute() {
        report = new ServingReportStudy().run(ServingReportStudy.Input.standard(), Progress.quiet());
        section = new ServingSection(report);
        html = section.html();
    }

    @Test
    void tableHasTheBestPlanOfEveryPolicyAndTargetWithItsNumbers() {
        for (ServingReport.PolicyServing p : report.policies()) {
            for (ServingReport.Best b : p.best()) {
                ServingResult r = b.serving();
                if (r != null) {
                    assertThat(html).contains(ServingSection.f("<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
                            + "<td class=\"num\">%d</td><td class=\"num\">%d</td>", r.plan().tp(), r.plan().ep(), r.plan().pp(), r.plan().dp(),
                            r.batch()), ServingSection.f("%.1f ms", r.timePerOutputTokenSeconds() * 1e3),
                            ServingSection.f("%,.1f", r.gpuTokensPerSecond()), ServingSection.f("%.1f GB", r.memory().kvCacheBytes() / 1e9));
                }
            }
            assertThat(html).contains(ServingSection.f("%.1f ms", p.fastest().timePerOutputTokenSeconds() * 1e3));
        }
        assertThat(html).contains("<th>policy</th>", "TPOT target", "tokens/s per GPU", "KV cache per GPU", "EP group", "<svg");
    }

    @Test
    void chartHasOnePointPerPolicyAndTargetMet() {
        XYPlot plot = section.chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(report.policies().size());
        for (int s = 0; s < report.policies().size(); s++) {
            List<ServingReport.Best> met = report.policies().get(s).best().stream().filter(b -> b.serving() != null).toList();
            assertThat(plot.getDataset().getItemCount(s)).isEqualTo(met.size());
            for (int i = 0; i < met.size(); i++) {
                assertThat(plot.getDataset().getXValue(s, i)).isEqualTo(met.get(i).latencyTargetSeconds() * 1e3);
                assertThat(plot.getDataset().getYValue(s, i)).isEqualTo(met.get(i).serving().gpuTokensPerSecond());
            }
        }
    }

    @Test
    void answerAndFindingComeFromTheNumbers() {
        ServingResult today = report.policies().get(0).best().get(0).serving();
        ServingResult mosaic = report.policies().get(1).best().get(0).serving();
        assertThat(section.findings()).hasSize(1);
        assertThat(section.findings().get(0).text()).contains(ServingSection.f("%+.1f %%", 100 * (mosaic.gpuTokensPerSecond()
                / today.gpuTokensPerSecond() - 1)), mosaic.plan().label());
        assertThat(section.answer()).hasSize(1);
        assertThat(section.answer().get(0)).contains("scale-up domain of " + report.policies().get(1).scaleUpGpus() + " GPUs");
        assertThat(section.json().get("policies")).hasSize(2);
        assertThat(section.rows()).isNotEmpty();
    }

    /** Writes the section alone as a report (and the chart as PNG) to look at: -Dserving.out=DIR, else a temporary directory. */
    @Test
    void writesAsAReport(@TempDir Path tmp) throws Exception {
        String out = System.getProperty("serving.out");
        Path dir = out == null ? tmp : Path.of(out);
        Files.createDirectories(dir);
        Path index = new Report("serving", "<p>The serving section alone.</p>").add(section).write(dir.resolve("report"));
        assertThat(Files.readString(index)).contains("id=\"serving\"");
        Charts.write(section.chart(), dir.resolve("serving-chart.png"), ServingSection.WIDTH, ServingSection.HEIGHT);
        assertThat(Files.size(dir.resolve("serving-chart.png"))).isPositive();
    }
}
