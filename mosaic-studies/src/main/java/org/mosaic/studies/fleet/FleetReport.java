package org.mosaic.studies.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.studies.Metric;

/**
 * The answer of the {@code report-fleet} study: the report's fleet section as data. Its JSON is the section's numbers
 * in results.json (economics, each cluster under every policy with the savings against today, the rack density
 * comparison, the sources); the rest (not in the JSON) is what the section draws: the floor, the reach lines, the
 * share of cables within each reach.
 *
 * @param economics       the first cluster's economics (PUE, $/kWh, household energy)
 * @param presets         each cluster by name
 * @param rackDensity     one scale-up domain as a dense rack against spread over lower-power racks
 * @param provenance      the sources of the clusters' numbers and of the spread racks' budget
 * @param spreadRackWatts the spread racks' power budget (W)
 * @param airCoolingWatts the air-cooling limit of a rack (W), assumed
 * @param floorPolicy     the policy whose technologies colour the cables on the floor drawings
 */
public record FleetReport(FleetEconomics economics, Map<String, ClusterFleet> presets, RackDensity rackDensity, List<Provenance> provenance,
                          @JsonIgnore double spreadRackWatts, @JsonIgnore double airCoolingWatts, @JsonIgnore String floorPolicy) {
    public FleetReport {
        presets = Collections.unmodifiableMap(new LinkedHashMap<>(presets));
        provenance = List.copyOf(provenance);
    }

    /** The clusters, in the order evaluated. */
    public List<ClusterFleet> fleets() {
        return List.copyOf(presets.values());
    }

    public ClusterFleet fleet(String name) {
        ClusterFleet f = presets.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no fleet " + name + " — expected one of " + presets.keySet());
        }
        return f;
    }

    /**
     * One cluster under every named policy on one placement (the same cables for every policy).
     *
     * @param name                the cluster document's name
     * @param description         its description
     * @param policies            every policy's evaluation, in {@link Policy#NAMES} order
     * @param savingsAgainstToday each other policy against today, in order
     * @param floor               what the floor drawing shows
     * @param reaches             per tier of the length histograms: the candidate technologies' reaches
     */
    public record ClusterFleet(@JsonIgnore String name, String description, long gpus, long switches, int racks, int gpuRacks,
                               int networkRacks, int hallRows, int spineRoomRows,
                               @Metric(unit = "kW", value = "mean power of a GPU rack, optics not included") double kwPerRack,
                               List<CablePlan.TierLengths> lengthHistograms, List<PolicyEntry> policies,
                               List<PolicySavings> savingsAgainstToday, @JsonIgnore Floor floor, @JsonIgnore List<TierReach> reaches) {
        public ClusterFleet {
            lengthHistograms = List.copyOf(lengthHistograms);
            policies = List.copyOf(policies);
            savingsAgainstToday = List.copyOf(savingsAgainstToday);
            reaches = List.copyOf(reaches);
        }

        /** The model's results, in policy order. */
        public List<FleetModel.Result> results() {
            List<FleetModel.Result> out = new ArrayList<>();
            policies.forEach(p -> out.add(p.result()));
            return out;
        }

        public FleetModel.Result result(String policy) {
            return policies.stream().map(PolicyEntry::result).filter(r -> r.policy().equals(policy)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no result for policy " + policy + " — expected one of " + Policy.NAMES));
        }

        public PolicyEntry entry(String policy) {
            return policies.stream().filter(e -> e.result().policy().equals(policy)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no result for policy " + policy + " — expected one of " + Policy.NAMES));
        }
    }

    /**
     * One policy on a cluster: the model's result without its full metrics and histograms (those are the cluster's),
     * with its power and failures by tier and technology.
     *
     * @param byTierAndTechnology served links, power and failures summed per (tier, technology), in the groups' order
     */
    public record PolicyEntry(@JsonUnwrapped @JsonIgnoreProperties({"metrics", "lengthHistograms"}) FleetModel.Result result,
                              @Metric(unit = "W", value = "interconnect power by tier") Map<String, Double> interconnectPowerWattsByTier,
                              @Metric(unit = "1/d", value = "expected link failures per day by tier") Map<String, Double> linkFailuresPerDayByTier,
                              @Metric(unit = "1/d", value = "expected link failures per day by technology")
                              Map<String, Double> linkFailuresPerDayByTechnology, Map<String, Long> unservedByTier,
                              @JsonIgnore List<TierTechnology> byTierAndTechnology) {
        public PolicyEntry {
            interconnectPowerWattsByTier = Collections.unmodifiableMap(new LinkedHashMap<>(interconnectPowerWattsByTier));
            linkFailuresPerDayByTier = Collections.unmodifiableMap(new LinkedHashMap<>(linkFailuresPerDayByTier));
            linkFailuresPerDayByTechnology = Collections.unmodifiableMap(new LinkedHashMap<>(linkFailuresPerDayByTechnology));
            unservedByTier = Collections.unmodifiableMap(new LinkedHashMap<>(unservedByTier));
            byTierAndTechnology = List.copyOf(byTierAndTechnology);
        }
    }

    /** Served links of one tier and technology under a policy, with their power (W) and failures per day. */
    public record TierTechnology(String tier, String technology, long links, double powerWatts, double failuresPerDay) {
    }

    /**
     * The floor of a cluster as drawn: every rack, and the cables of one GPU rack up through the fabric.
     *
     * @param policy          the policy whose technologies the cables get
     * @param rackBudgetWatts a rack's power budget (W)
     * @param racksPerRow     positions in a row
     * @param fabricTiers     tiers of the scale-out fabric (0 without one)
     * @param racks           every rack with the fabric switch kinds it holds, by id
     * @param cables          the drawn cables
     */
    public record Floor(String policy, double rackBudgetWatts, int hallRows, int spineRoomRows, int racksPerRow, int fabricTiers,
                        List<RackView> racks, List<DrawnCable> cables) {
        public Floor {
            racks = List.copyOf(racks);
            cables = List.copyOf(cables);
        }
    }

    /** One rack of the floor: its slot (kind, room, row, position, power, units) and the fabric switch kinds it holds. */
    public record RackView(RackLayout.RackSlot slot, Set<NodeKind> switches) {
        public RackView {
            switches = Collections.unmodifiableSet(switches);
        }
    }

    /**
     * A cable drawn on the floor: a real link between two racks, its tier, cable length and the technology its
     * length bin gets under the policy (null when unserved).
     */
    public record DrawnCable(int rack1, int rack2, String tier, double cableMeters, double binMeters, TechnologyOption technology) {
    }

    /**
     * The candidate technologies at a tier's generation: the reach lines of its length chart (equal reaches merged)
     * and, for every technology but the co-packaged MOSAIC, the share of the tier's cables within its reach.
     */
    public record TierReach(String tier, String generation, List<ReachMark> marks, List<ReachShare> shares) {
        public TierReach {
            marks = List.copyOf(marks);
            shares = List.copyOf(shares);
        }
    }

    /** A reach line of the length chart: the technologies that share it and their reach at a generation. */
    public record ReachMark(String label, double meters, List<TechnologyOption> technologies) {
        public ReachMark {
            technologies = List.copyOf(technologies);
        }
    }

    /** A technology's reach and the share of a tier's cables (0..1) whose length bin it reaches. */
    public record ReachShare(String technology, double reachMeters, double shareOfCables) {
    }
}
