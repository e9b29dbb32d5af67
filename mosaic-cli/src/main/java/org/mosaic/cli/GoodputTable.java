package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.studies.Output;
import org.mosaic.studies.goodput.GoodputResult;
import org.mosaic.studies.goodput.PolicyDifference;
import org.mosaic.studies.goodput.PolicyGoodput;

/** {@code goodput}'s table: the policies, their expected link failures by technology, interruptions by cause, the differences. */
final class GoodputTable {
    private GoodputTable() {
    }

    static String render(GoodputResult result) {
        StringBuilder sb = new StringBuilder();
        List<PolicyGoodput> runs = result.all();
        PolicyGoodput f = result.first();
        sb.append(String.format(Locale.ROOT, "%s: a job on %,d GPUs for %.0f days, %d trials (seed %d), checkpoint save %.0f s, restart %.0f s, %s%n%n",
                f.cluster().replaceAll(" / .*", ""), f.gpus(), f.days(), f.trials(), f.seed(), f.checkpointSaveSeconds(), f.restartSeconds(),
                f.hotSpares() ? "hot spares" : "no spares"));
        List<List<String>> rows = new ArrayList<>();
        for (PolicyGoodput c : runs) {
            double d = c.days();
            var tot = c.totalInterruptionsPerCampaign();
            rows.add(List.of(c.policy(), String.valueOf(c.scaleUpGpus()), String.format(Locale.ROOT, "%.2f ± %.2f", tot.mean() / d,
                            (tot.upper95() - tot.mean()) / d),
                    String.format(Locale.ROOT, "%.2f", c.linkInterruptionsPerDay()),
                    String.format(Locale.ROOT, "%.2f h", c.mtbiHours()),
                    String.format(Locale.ROOT, "%.0f s", c.checkpointIntervalSeconds()),
                    String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * c.ettrUnclipped().mean(), 100 * (c.ettrUnclipped().upper95()
                            - c.ettrUnclipped().mean())),
                    String.format(Locale.ROOT, "%.2f %%", 100 * c.ettr().analyticUnplannedOnly()),
                    String.format(Locale.ROOT, "%,.0f", c.lostGpuHoursPerDay().mean())));
        }
        sb.append(Output.table(List.of("policy", ">scale-up GPUs", ">interruptions/day", ">of which links", ">MTBI", ">ckpt interval", ">ETTR (95 %)",
                ">analytic (unplanned)", ">lost GPU-h/day"), rows)).append('\n');
        for (PolicyGoodput c : runs) {
            StringBuilder b = new StringBuilder();
            c.expectedLinkFailuresPerDayByTechnology().forEach((tech, perDay) -> b.append(b.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f", tech, perDay)));
            sb.append(String.format(Locale.ROOT, "%s: expected link failures per day by technology: %s%n", c.policy(),
                    b.length() == 0 ? "none" : b));
        }
        sb.append('\n');
        List<List<String>> byCause = new ArrayList<>();
        for (String cause : f.interruptionsPerCampaignByCause().keySet()) {
            List<String> row = new ArrayList<>();
            row.add(cause);
            for (PolicyGoodput c : runs) {
                row.add(String.format(Locale.ROOT, "%.1f", c.interruptionsPerCampaignByCause().get(cause)));
            }
            byCause.add(row);
        }
        List<String> head = new ArrayList<>();
        head.add("interruptions per campaign, by cause");
        runs.forEach(c -> head.add(">" + c.policy()));
        sb.append(Output.table(head, byCause));
        if (result.differencesFromFirst() != null) {
            sb.append('\n');
            for (PolicyDifference x : result.differencesFromFirst()) {
                var de = x.ettr();
                var di = x.interruptionsPerCampaign();
                sb.append(String.format(Locale.ROOT, "%s vs %s (same sampled non-link failures): ETTR %+.3f points [%+.3f, %+.3f], "
                                + "interruptions/day %+.3f [%+.3f, %+.3f]%n", x.policy(), x.against(), 100 * de.mean(), 100 * de.lower95(),
                        100 * de.upper95(), di.mean() / f.days(), di.lower95() / f.days(), di.upper95() / f.days()));
            }
        }
        if (!result.linkRatesCalibrated() && f.switchFailuresPerGpuHour() == 0) {
            sb.append(String.format(Locale.ROOT, "note: the catalog FITs give the links of h100-16k today %.1fx Llama 3's observed switch/cable "
                    + "rate, so no failures are left for switches; --link-rates llama scales link rates to Llama's field data.%n",
                    1 / result.linkCalibration()));
        }
        sb.append(String.format(Locale.ROOT, "ETTR = productive time / wall time; the analytic value is the renewal formula without planned stops"
                + " (Checkpointing).%n"));
        return sb.toString();
    }
}
