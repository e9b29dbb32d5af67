package org.mosaic.cluster.training.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.topology.LinkTier;

/**
 * The interconnect failures a training job sees, per GPU-hour and per link tier, so that a goodput model can
 * multiply by the job's GPUs. From the fleet model's expected link failures per day of the whole cluster under the
 * policy (constant hazards, independent links, FIT per link = 2 × FIT per end; (constant-hazard arithmetic)), plus the
 * scale-up links a multi-rack domain adds ({@link ScaleUpChoice#extraLinkFailuresPerDay()}), divided by the
 * cluster's GPUs × 24 h. Assumption: a job of n GPUs sees n / GPUs of the cluster's links (its share of every
 * tier); every link failure interrupts the job that uses it.
 *
 * @param gpus                           the cluster's GPUs
 * @param perGpuHourByTier               tier name ({@link CablePlan#tierName}) → failures per GPU-hour, every tier in
 *                                       {@link LinkTier} order (0 for a tier the cluster does not have)
 * @param fleetLinkFailuresPerDay        the fleet model's link failures per day of the cluster
 * @param extraScaleUpLinkFailuresPerDay those of the links a multi-rack scale-up domain adds
 * @param unservedLinks                  links the policy cannot serve (not in the rates: a fleet with some is incomplete)
 */
public record InterconnectFailures(int gpus, Map<String, Double> perGpuHourByTier, double fleetLinkFailuresPerDay,
                                   double extraScaleUpLinkFailuresPerDay, long unservedLinks) {
    static final double HOURS_PER_DAY = 24;

    public InterconnectFailures {
        if (gpus < 1) {
            throw new IllegalArgumentException("GPUs " + gpus + " — expected at least 1");
        }
        if (perGpuHourByTier == null) {
            throw new IllegalArgumentException("failure rates per tier are null — expected a rate for every tier");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (LinkTier t : LinkTier.values()) {
            String name = CablePlan.tierName(t);
            Double v = perGpuHourByTier.get(name);
            if (v == null || !(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "failures per GPU-hour of tier %s: %s — expected a finite rate >= 0 for every tier %s", name, v, tierNames()));
            }
            copy.put(name, v);
        }
        if (copy.size() != perGpuHourByTier.size()) {
            throw new IllegalArgumentException("failure rates for tiers " + perGpuHourByTier.keySet() + " — expected exactly " + tierNames());
        }
        perGpuHourByTier = Collections.unmodifiableMap(copy);
        if (!(fleetLinkFailuresPerDay >= 0 && Double.isFinite(fleetLinkFailuresPerDay))
                || !(extraScaleUpLinkFailuresPerDay >= 0 && Double.isFinite(extraScaleUpLinkFailuresPerDay)) || unservedLinks < 0) {
            throw new IllegalArgumentException("link failures per day " + fleetLinkFailuresPerDay + " + " + extraScaleUpLinkFailuresPerDay
                    + ", unserved links " + unservedLinks + " — expected finite values >= 0");
        }
    }

    private static java.util.List<String> tierNames() {
        return java.util.Arrays.stream(LinkTier.values()).map(CablePlan::tierName).toList();
    }

    /** Failures per GPU-hour of one tier. */
    public double perGpuHour(LinkTier tier) {
        return perGpuHourByTier.get(CablePlan.tierName(tier));
    }

    /** Failures per GPU-hour over every tier. */
    public double totalPerGpuHour() {
        return perGpuHourByTier.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The cluster's expected link failures per day, the added scale-up links included. */
    public double linkFailuresPerDay() {
        return fleetLinkFailuresPerDay + extraScaleUpLinkFailuresPerDay;
    }

    /** Expected interconnect failures per hour that interrupt a job of {@code jobGpus} GPUs. */
    public double perHour(int jobGpus) {
        if (jobGpus < 1 || jobGpus > gpus) {
            throw new IllegalArgumentException("job of " + jobGpus + " GPUs — expected 1 to the cluster's " + gpus);
        }
        return totalPerGpuHour() * jobGpus;
    }
}
