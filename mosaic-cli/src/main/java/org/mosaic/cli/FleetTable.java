package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.studies.Output;
import org.mosaic.studies.fleet.FleetResult;
import org.mosaic.studies.fleet.JobView;
import org.mosaic.studies.fleet.PolicyRun;

/** The text tables of {@code mosaic fleet}, rendered from the fleet study's result. */
final class FleetTable {
    private FleetTable() {
    }

    static String jobTable(FleetResult result) {
        List<List<String>> rows = new ArrayList<>();
        JobView first = null;
        for (PolicyRun run : result.runs()) {
            JobView j = run.trainingJob();
            first = first == null ? j : first;
            rows.add(List.of(run.result().policy(), String.format(Locale.ROOT, "%.3g", j.linkInterruptionsPerDay()),
                    j.meanHoursBetweenInterruptions() == null ? "n/a" : String.format(Locale.ROOT, "%.3g h", j.meanHoursBetweenInterruptions())));
        }
        return "\n" + Output.table(List.of("policy", ">job link interruptions/day", ">between interruptions"), rows)
                + String.format(Locale.ROOT, "a training job on %,d GPUs (%s of the cluster): %s.%n", first.gpus(),
                        Output.percent(first.shareOfCluster()), first.assumption());
    }

    static String table(FleetResult result) {
        List<FleetModel.Result> results = result.runs().stream().map(PolicyRun::result).toList();
        List<PolicySavings> savings = result.savings();
        FleetModel.Result f = results.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(result.clusterName()).append(": ").append(f.cluster()).append(", layout ").append(f.layout()).append('\n')
                .append(String.format(Locale.ROOT, "%,d switches, %,d racks (%,d with GPUs, %.1f kW each, a domain spans %d)%n%n",
                        f.switches(), f.racks(), f.gpuRacks(), f.kwPerRack(), f.racksPerDomain()));
        List<List<String>> lengths = new ArrayList<>();
        boolean anyOnBoard = false;
        for (var t : f.lengthHistograms()) {
            boolean onBoard = t.tier().equals("scale-up") && f.onBoardLinks() > 0;
            anyOnBoard |= onBoard;
            lengths.add(List.of(t.tier(), t.generation(), String.format(Locale.ROOT, "%,d", t.links()), String.valueOf(t.lanesPerLink()),
                    onBoard ? "on-board" : String.format(Locale.ROOT, "%,d", t.generationLinks()),
                    String.format(Locale.ROOT, "%.1f m", t.meanMeters()), String.format(Locale.ROOT, "%.1f m", t.maxMeters())));
        }
        sb.append(Output.table(List.of("tier", "generation", ">links", ">lanes/link", ">cables", ">mean length", ">longest"), lengths));
        sb.append(cableNote(anyOnBoard)).append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (FleetModel.Result r : results) {
            StringBuilder tech = new StringBuilder();
            r.metrics().linksByTechnology().forEach((k, v) -> tech.append(tech.length() == 0 ? "" : "; ")
                    .append(String.format(Locale.ROOT, "%s %,d", k, v)));
            rows.add(List.of(r.policy(), String.format(Locale.ROOT, "%.3f MW", r.interconnectPowerWatts() / 1e6),
                    Output.percent(r.interconnectShareOfIt()), String.format(Locale.ROOT, "%,.0f MWh", r.energyPerYearKwh() / 1e3),
                    String.format(Locale.ROOT, "$%,.0f", r.costPerYearUsd()), String.format(Locale.ROOT, "%.3g", r.linkFailuresPerDay()),
                    r.meanHoursBetweenLinkFailures() == null ? "n/a" : String.format(Locale.ROOT, "%.3g h", r.meanHoursBetweenLinkFailures()),
                    String.format(Locale.ROOT, "%,d", r.unservedLinks()), tech.toString()));
        }
        sb.append(Output.table(List.of("policy", ">interconnect", ">share of IT", ">facility energy/yr", ">cost/yr", ">cable failures/day",
                ">between failures", ">unserved cables", "cables by technology"), rows));
        for (PolicySavings s : savings) {
            sb.append(savingsLine(s)).append('\n');
        }
        if (!savings.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "homes: facility energy per year / %,.0f kWh per household (%s)%n",
                    savings.get(0).householdKwhPerYear(), savings.get(0).householdSource()));
        }
        return sb.toString();
    }

    /** What the tier table's counts are. */
    static String cableNote(boolean onBoard) {
        return "links: topology links (one GPU-switch or switch-switch connection of its lanes); cables: what a policy gives a "
                + "technology, counted as cables of the tier's generation (lanes / the generation's lanes)"
                + (onBoard ? "; on-board: NVLink traces on the GPU baseboard, not cables, kept under every policy (no technology, "
                        + "their power in the server's, their failures in the GPU's)" : "") + ".\n";
    }

    /** One policy against today in words, never a negative saving: "saves 1.140 MW" or "uses 5.900 MW more". */
    static String savingsLine(PolicySavings s) {
        double mw = s.powerSavedMegawatts();
        double fails = s.linkFailuresPerDayAvoided();
        if (Math.abs(mw) < 5e-4 && Math.abs(fails) < 5e-4) {
            return String.format(Locale.ROOT, "%s vs %s: the same interconnect power and cable failures%s", s.to(), s.from(),
                    s.note() == null || s.note().isBlank() ? "" : " — " + s.note());
        }
        String power = mw >= 0 ? String.format(Locale.ROOT, "saves %.3f MW of interconnect power", mw)
                : String.format(Locale.ROOT, "uses %.3f MW more interconnect power", -mw);
        String energy = String.format(Locale.ROOT, "%,.0f MWh/yr %s facility energy, $%,.0f/yr %s, the energy of %,.0f homes",
                Math.abs(s.energySavedMwhPerYear()), s.energySavedMwhPerYear() >= 0 ? "less" : "more", Math.abs(s.costSavedUsdPerYear()),
                s.costSavedUsdPerYear() >= 0 ? "saved" : "more", Math.abs(s.homesEquivalent()));
        String failures = String.format(Locale.ROOT, "%.3g %s cable failures/day", Math.abs(fails), fails >= 0 ? "fewer" : "more");
        return String.format(Locale.ROOT, "%s vs %s: %s (%s); %s%s", s.to(), s.from(), power, energy, failures,
                s.note() == null || s.note().isBlank() ? "" : " — " + s.note());
    }
}
