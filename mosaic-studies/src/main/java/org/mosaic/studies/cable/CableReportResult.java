package org.mosaic.studies.cable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.PowerModel;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.TwinaxModel;
import org.mosaic.link.reliability.MonteCarloResult;
import org.mosaic.link.reliability.ReliabilityResult;

/**
 * The report's cable section ({@link CableReportStudy}): every cable evaluated, every technology side by side at 800G
 * and 1.6T, and what the charts and source tables need beside them. The JSON is the section's {@code results.json}
 * entry: {@code cables} by name, {@code comparison800G}, {@code comparison1600G}; the rest is for rendering.
 *
 * @param cables             each cable by its scenario's name, in the order given
 * @param comparison800G     every technology at 800G and {@link CableReportStudy#COMPARE_LENGTH_METERS}
 * @param comparison1600G    the same at 1.6T (the microLED cables scaled by a larger array)
 * @param copperReach        passive copper's computed reach against the Nyquist frequency, per gauge (for the chart)
 * @param baselineProvenance where the catalog's numbers come from
 */
public record CableReportResult(Map<String, Cable> cables, Comparison.Result comparison800G, Comparison.Result comparison1600G,
                                @JsonIgnore List<CopperCurve> copperReach, @JsonIgnore List<Provenance> baselineProvenance) {
    public CableReportResult {
        cables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cables));
        copperReach = List.copyOf(copperReach);
        baselineProvenance = List.copyOf(baselineProvenance);
    }

    /** The cables in the order given. */
    public List<Cable> cableList() {
        return new ArrayList<>(cables.values());
    }

    /**
     * One cable evaluated.
     *
     * @param name                  its scenario's name
     * @param plan                  its channel plan
     * @param power                 power per end with its own host attachment
     * @param powerOtherAttachment  the same with the other attachment
     * @param reliability           the analytic reliability over the service life
     * @param reliabilityMonteCarlo the Monte Carlo cross-check (seeded by the scenario's seed)
     * @param reachMeters           the channel's reach at its BER target
     * @param channelDoesNotClose   the sentence saying the channel misses its target at its length (null when it closes)
     * @param seed                  the scenario's seed (the Monte Carlo's)
     * @param sparePlacement        where the spares sit on the array ({@code edge} or {@code distributed})
     * @param serviceYears          the service life in years of 8,760 h
     * @param provenance            the sources of the cable's own parameters (host, plan, power, reliability)
     */
    public record Cable(@JsonIgnore String name, ChannelPlan plan, PowerModel.Power power, PowerModel.Power powerOtherAttachment,
                        ReliabilityResult reliability, MonteCarloResult reliabilityMonteCarlo, double reachMeters,
                        @JsonIgnore String channelDoesNotClose, @JsonIgnore long seed, @JsonIgnore String sparePlacement,
                        @JsonIgnore double serviceYears, @JsonIgnore List<Provenance> provenance) {
        public Cable {
            provenance = List.copyOf(provenance);
        }
    }

    /**
     * Passive copper's reach curve for one cable.
     *
     * @param cable  the cable, as {@code CopperReach.describe()} names it
     * @param points the reach at Nyquist frequencies evenly spaced in log f
     */
    public record CopperCurve(String cable, List<TwinaxModel.ReachPoint> points) {
        public CopperCurve {
            points = List.copyOf(points);
        }
    }
}
