package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a technology assignment does to a fleet: links by tier and technology, interconnect power and its share
 * of IT power, facility energy and cost per year, capex where prices are known, expected link failures.
 *
 * <p>Model and assumptions:
 * <ul>
 *   <li>Interconnect power = Σ count × 2 × W per end (two ends per link), served links only.</li>
 *   <li>IT power = the rest of IT (given: GPUs, hosts, switch silicon, storage) + the interconnect power, so a
 *       policy that saves interconnect watts saves them in IT power too; facility energy = IT power × PUE × 8760 h.</li>
 *   <li>Capex = Σ count × 2 × price per end, if every served technology has a price; otherwise null, with the sum
 *       over the priced links and the count of unpriced links beside it. Cables, trunks and switches are not in it.</li>
 *   <li>Failures: constant hazards, links independent; FIT per link = 2 × FIT per end; expected failures per day
 *       = Σ count × FIT per link × 24 / 10⁹; mean hours between link failures = 10⁹ / Σ count × FIT per link
 *       ((constant-hazard arithmetic)). Null when there is no served link.</li>
 *   <li>Unserved links are counted, never dropped, and add no power or failures: a fleet with unserved links is
 *       incomplete, which {@link #unservedLinks()} says.</li>
 * </ul>
 *
 * @param policy                        the policy's name
 * @param links                         links served
 * @param unservedLinks                 links nothing can serve
 * @param linksByTier                   tier → technology id → links (tiers in input order, technologies in order of first use)
 * @param linksByTechnology             technology id → links
 * @param unservedByTier                tier → links nothing can serve
 * @param interconnectPowerWatts        power of every served link, both ends (W)
 * @param otherItPowerWatts             the rest of the IT load, as given (W)
 * @param itPowerWatts                  rest of IT + interconnect (W)
 * @param interconnectShareOfIt         interconnect / IT power
 * @param pue                           PUE used
 * @param usdPerKwh                     electricity price used
 * @param energyPerYearKwh              facility energy per year of the whole IT load (kWh)
 * @param costPerYearUsd                its cost (USD/yr)
 * @param interconnectEnergyPerYearKwh  facility energy per year of the interconnect alone (kWh)
 * @param interconnectCostPerYearUsd    its cost (USD/yr)
 * @param capexUsd                      price of every link end, or null when some served technology has no price
 * @param capexPricedUsd                price of the ends that have one
 * @param unpricedLinks                 served links whose technology has no price
 * @param linkFailuresPerDay            expected link failures per day
 * @param meanHoursBetweenLinkFailures  24 / failures per day, or null without served links
 * @param linkFailuresPerDayByTechnology technology id → expected failures per day
 * @param groups                        one row per served group, in input order
 * @param unserved                      the unserved groups with the reason
 */
public record FleetMetrics(String policy, long links, long unservedLinks, Map<String, Map<String, Long>> linksByTier,
                           Map<String, Long> linksByTechnology, Map<String, Long> unservedByTier, double interconnectPowerWatts,
                           double otherItPowerWatts, double itPowerWatts, double interconnectShareOfIt, double pue, double usdPerKwh,
                           double energyPerYearKwh, double costPerYearUsd, double interconnectEnergyPerYearKwh,
                           double interconnectCostPerYearUsd, Double capexUsd, double capexPricedUsd, long unpricedLinks,
                           double linkFailuresPerDay, Double meanHoursBetweenLinkFailures,
                           Map<String, Double> linkFailuresPerDayByTechnology, List<GroupRow> groups,
                           List<FleetAssignment.Unserved> unserved) {

    static final double FIT_HOURS = 1e9;
    static final double HOURS_PER_DAY = 24;

    /**
     * One served group.
     *
     * @param tier            tier name
     * @param generation      generation name
     * @param lengthMeters    cable length (m)
     * @param count           links
     * @param technology      technology id
     * @param reachMeters     the technology's reach (m), ≥ the length
     * @param powerWatts      count × 2 × W per end
     * @param failuresPerDay  count × 2 × FIT per end × 24 / 10⁹
     */
    public record GroupRow(String tier, String generation, double lengthMeters, long count, String technology, double reachMeters,
                           double powerWatts, double failuresPerDay) {
    }

    /**
     * The metrics of an assignment.
     *
     * @param otherItPowerWatts the IT load besides the interconnect (W), e.g. GPUs × the cluster document's layout.equipment.gpuPower
     */
    public static FleetMetrics of(FleetAssignment a, double otherItPowerWatts, FleetEconomics economics) {
        if (a == null || economics == null) {
            throw new IllegalArgumentException("an assignment and the economics are required — expected FleetAssignment.of(...) and FleetEconomics.defaults()");
        }
        if (!(otherItPowerWatts >= 0 && Double.isFinite(otherItPowerWatts))) {
            throw new IllegalArgumentException("IT power besides the interconnect " + otherItPowerWatts
                    + " W — expected a finite power >= 0 W (hint: GPUs x W per GPU, e.g. 16384 x 1275 W)");
        }
        Map<String, Map<String, Long>> byTier = new LinkedHashMap<>();
        Map<String, Long> byTech = new LinkedHashMap<>();
        Map<String, Double> failuresByTech = new LinkedHashMap<>();
        List<GroupRow> rows = new ArrayList<>();
        double power = 0;
        double fitSum = 0;
        double priced = 0;
        long unpriced = 0;
        for (FleetAssignment.Served s : a.served()) {
            LinkGroup g = s.group();
            TechnologyOption t = s.technology();
            long n = g.count();
            byTier.computeIfAbsent(g.tier(), k -> new LinkedHashMap<>()).merge(t.id(), n, Long::sum);
            byTech.merge(t.id(), n, Long::sum);
            double groupPower = n * t.powerPerLinkWatts();
            double groupFit = n * t.fitPerLink();
            double perDay = groupFit * HOURS_PER_DAY / FIT_HOURS;
            failuresByTech.merge(t.id(), perDay, Double::sum);
            power += groupPower;
            fitSum += groupFit;
            if (t.costPerEndUsd() == null) {
                unpriced += n;
            } else {
                priced += n * TechnologyOption.ENDS_PER_LINK * t.costPerEndUsd();
            }
            rows.add(new GroupRow(g.tier(), s.generation(), g.lengthMeters(), n, t.id(), t.reachMeters(), groupPower, perDay));
        }
        Map<String, Long> unservedByTier = new LinkedHashMap<>();
        for (FleetAssignment.Unserved u : a.unserved()) {
            unservedByTier.merge(u.group().tier(), u.group().count(), Long::sum);
        }
        Map<String, Map<String, Long>> frozenByTier = new LinkedHashMap<>();
        byTier.forEach((k, v) -> frozenByTier.put(k, Collections.unmodifiableMap(v)));
        double it = otherItPowerWatts + power;
        double perDay = fitSum * HOURS_PER_DAY / FIT_HOURS;
        return new FleetMetrics(a.policy(), a.servedLinks(), a.unservedLinks(), Collections.unmodifiableMap(frozenByTier),
                Collections.unmodifiableMap(byTech), Collections.unmodifiableMap(unservedByTier), power, otherItPowerWatts, it,
                it > 0 ? power / it : 0, economics.pue(), economics.usdPerKwh(), economics.facilityKwhPerYear(it),
                economics.costPerYearUsd(it), economics.facilityKwhPerYear(power), economics.costPerYearUsd(power),
                unpriced == 0 ? priced : null, priced, unpriced, perDay, fitSum > 0 ? FIT_HOURS / fitSum : null,
                Collections.unmodifiableMap(failuresByTech), List.copyOf(rows), a.unserved());
    }

    /** Links of one technology on one tier (0 if none). */
    public long links(String tier, String technology) {
        return linksByTier.getOrDefault(tier, Map.of()).getOrDefault(technology, 0L);
    }
}
