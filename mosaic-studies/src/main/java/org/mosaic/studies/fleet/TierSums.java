package org.mosaic.studies.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetMetrics;

/** A fleet result's served groups summed by tier, in {@link Technologies#TIERS} order (0 for a tier without cables). */
public final class TierSums {
    private TierSums() {
    }

    /** Interconnect power (W) of one result's tier, summed over its served groups. */
    public static double powerWatts(FleetModel.Result r, String tier) {
        return r.metrics().groups().stream().filter(g -> g.tier().equals(tier)).mapToDouble(FleetMetrics.GroupRow::powerWatts).sum();
    }

    /** Expected link failures per day of one result's tier, summed over its served groups. */
    public static double failuresPerDay(FleetModel.Result r, String tier) {
        return r.metrics().groups().stream().filter(g -> g.tier().equals(tier)).mapToDouble(FleetMetrics.GroupRow::failuresPerDay).sum();
    }

    /** Interconnect power (W) by tier. */
    public static Map<String, Double> powerWattsByTier(FleetModel.Result r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : Technologies.TIERS) {
            out.put(t, powerWatts(r, t));
        }
        return out;
    }

    /** Expected link failures per day by tier. */
    public static Map<String, Double> failuresPerDayByTier(FleetModel.Result r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : Technologies.TIERS) {
            out.put(t, failuresPerDay(r, t));
        }
        return out;
    }
}
