package org.mosaic.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.studies.Output;
import org.mosaic.studies.fleet.FleetReport;
import org.mosaic.studies.fleet.FleetReport.ClusterFleet;
import org.mosaic.studies.fleet.Technologies;

/** The fleet section's HTML tables, rendered from the {@code report-fleet} study's result. */
final class FleetTables {
    private static final List<String> TIERS = Technologies.TIERS;

    private FleetTables() {
    }

    static String summaryTable(FleetReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (ClusterFleet fl : report.fleets()) {
            for (FleetModel.Result r : fl.results()) {
                rows.add(List.of(fl.name(), r.policy(), f("%,d", r.gpus()), f("%,d", r.switches()), f("%,d", r.racks()),
                        f("%.1f kW", r.kwPerRack()), f("%.3f MW", r.interconnectPowerWatts() / 1e6), Output.percent(r.interconnectShareOfIt()),
                        f("%,.0f MWh", r.energyPerYearKwh() / 1e3), f("$%,.0f", r.costPerYearUsd()), f("%.3g", r.linkFailuresPerDay()),
                        r.meanHoursBetweenLinkFailures() == null ? "n/a" : f("%.3g h", r.meanHoursBetweenLinkFailures()),
                        f("%,d", r.unservedLinks())));
            }
        }
        FleetEconomics economics = report.economics();
        return Html.table(List.of("cluster", "policy", ">GPUs", ">switches", ">racks", ">kW per GPU rack", ">interconnect",
                ">share of IT", ">facility energy/yr", ">electricity/yr", ">cable failures/day", ">between failures", ">unserved cables"),
                rows, null) + "<p class=\"note\">" + Html.esc(f("Facility energy = IT power × PUE %.2f × 8,760 h; electricity at $%.3f/kWh. "
                + "kW per GPU rack is the equipment (GPUs, trays), optics not included.", economics.pue(), economics.usdPerKwh())) + "</p>\n";
    }

    static String technologyTable(ClusterFleet fl) {
        List<List<String>> rows = new ArrayList<>();
        for (FleetReport.PolicyEntry e : fl.policies()) {
            FleetModel.Result r = e.result();
            List<String> row = new ArrayList<>();
            row.add(r.policy());
            for (String tier : TIERS) {
                Map<String, Long> m = r.links().getOrDefault(tier, Map.of());
                StringBuilder s = new StringBuilder();
                m.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(f("%s %,d", k, v)));
                long unserved = e.unservedByTier().getOrDefault(tier, 0L);
                if (unserved > 0) {
                    s.append(f("; unserved %,d", unserved));
                }
                row.add(s.length() == 0 ? "—" : s.toString());
            }
            rows.add(row);
        }
        List<String> head = new ArrayList<>();
        head.add("policy");
        for (CablePlan.TierLengths t : fl.lengthHistograms()) {
            head.add(f("%s (%s)", t.tier(), t.generation()));
        }
        while (head.size() < TIERS.size() + 1) {
            head.add(TIERS.get(head.size() - 1));
        }
        return Html.table(head, rows, null) + "<p class=\"note\">Links counted at the tier's generation (lane-equivalent: e.g. four "
                + "200G scale-up cables make one 800G link).</p>\n";
    }

    static String lengthTable(ClusterFleet fl) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < fl.lengthHistograms().size(); i++) {
            CablePlan.TierLengths t = fl.lengthHistograms().get(i);
            StringBuilder reach = new StringBuilder();
            for (FleetReport.ReachShare s : fl.reaches().get(i).shares()) {
                reach.append(reach.length() == 0 ? "" : "; ").append(f("%s %s: %s", s.technology(), Output.meters(s.reachMeters()),
                        Output.percent(s.shareOfCables())));
            }
            rows.add(List.of(t.tier(), t.generation(), f("%,d", t.links()), Output.meters(t.meanMeters()), Output.meters(t.maxMeters()),
                    reach.toString()));
        }
        return Html.table(List.of("tier", "generation", ">cables", ">mean length", ">longest", "share of cables within each reach"), rows, null);
    }

    static String savingsTable(ClusterFleet fl) {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PolicySavings s : fl.savingsAgainstToday()) {
            rows.add(List.of(s.to(), f("%.3f MW", s.powerSavedMegawatts()), f("%,.0f MWh", s.energySavedMwhPerYear()),
                    f("$%,.0f", s.costSavedUsdPerYear()), f("%,.0f", s.homesEquivalent()), f("%.3g", s.linkFailuresPerDayAvoided()),
                    s.failureRatio() == null ? "n/a" : f("%.2f×", s.failureRatio())));
            if (s.note() != null && !s.note().isBlank()) {
                notes.add(s.to() + ": " + s.note());
            }
        }
        PolicySavings any = fl.savingsAgainstToday().get(0);
        return Html.table(List.of("policy vs today", ">power saved (− = extra)", ">facility energy saved/yr (− = extra)",
                ">electricity saved/yr (− = extra)", ">homes equivalent (− = extra)", ">cable failures/day avoided (− = extra)",
                ">today's failures / policy's"), rows, null)
                + "<p class=\"note\">" + Html.esc(f("Negative numbers are extra power or failures. Homes: energy saved / %,.0f kWh per "
                + "household per year (%s).", any.householdKwhPerYear(), any.householdSource()) + (notes.isEmpty() ? "" : " " + String.join(" ", notes)))
                + "</p>\n";
    }

    static String densityTable(RackDensity density) {
        List<List<String>> rows = new ArrayList<>();
        for (RackDensity.Option o : density.options()) {
            StringBuilder tech = new StringBuilder();
            o.linksByTechnology().forEach((k, v) -> tech.append(tech.length() == 0 ? "" : "; ").append(f("%s %,d", k, v)));
            rows.add(List.of(o.layout(), o.policy(), Integer.toString(o.racks()), f("%.1f kW", o.kwPerRack()), f("%.1f kW", o.maxKwPerRack()),
                    f("%,d", o.scaleUpLinks()), f("%,d", o.interRackLinks()), f("%,.0f", o.cablesPerRack()), Output.meters(o.maxCableMeters()),
                    tech.toString(), f("%,.0f W", o.interconnectPowerWatts()), f("%,.0f W", o.extraInterconnectPowerWatts()),
                    f("%.3g", o.linkFailuresPerDay()), f("%,d", o.unservedLinks())));
        }
        return Html.table(List.of("layout", "policy", ">racks", ">kW per rack", ">largest rack", ">scale-up cables", ">across racks",
                ">cables per rack", ">longest cable", "cables by technology", ">interconnect", ">extra", ">cable failures/day", ">unserved"),
                rows, null);
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
