package org.mosaic.cluster.layout;

import java.util.List;
import java.util.stream.Collectors;
import org.mosaic.cluster.topology.LinkClass;
import org.mosaic.link.baseline.HostGeneration;

/**
 * The catalog generation a topology link runs at, decided by its LANE RATE: a generation's nominal lane rate is
 * its payload / lanes (800G = 8 × 100G, 1.6T = 8 × 200G, 3.2T = 16 × 200G; [intel-an846-kp4], [nvidia-800g-specs]). A link
 * whose lane rate matches goes to the matching generation with the fewest lanes that is at least as wide as the
 * link (so a 4 × 100G NIC port and an 8 × 100G port are 800G; a 2 × 200G NVLink link and an 8 × 200G port are
 * 1.6T; a 16 × 200G port 3.2T); a link wider than every match goes to the widest. How many generation links it
 * counts as is the {@link CountRule}'s business. A lane rate no generation has is an error
 * naming the rate and the generations.
 *
 * @param generations the catalog's generations, in catalog order
 */
public record GenerationMap(List<HostGeneration> generations) {
    public GenerationMap {
        if (generations == null || generations.isEmpty()) {
            throw new IllegalArgumentException("no host generations — expected the catalog's, e.g. TechnologyMenu.generations()");
        }
        generations = List.copyOf(generations);
    }

    /** Nominal data rate of one lane of {@code g} (b/s): payload / lanes. */
    public static double laneRateBitsPerSecond(HostGeneration g) {
        return g.payloadBitsPerSecond() / g.lanes();
    }

    /** The generation of a link class (see the class comment). */
    public HostGeneration generationOf(LinkClass c) {
        HostGeneration best = null;
        HostGeneration widest = null;
        for (HostGeneration g : generations) {
            double rate = laneRateBitsPerSecond(g);
            if (Math.abs(rate - c.laneRateBitsPerSecond()) > 1e-6 * rate) {
                continue;
            }
            if (g.lanes() >= c.lanesPerLink() && (best == null || g.lanes() < best.lanes())) {
                best = g;
            }
            if (widest == null || g.lanes() > widest.lanes()) {
                widest = g;
            }
        }
        if (best == null && widest == null) {
            String lane = Format.num(c.laneRateBitsPerSecond() / 1e9);
            throw new IllegalArgumentException(c.tier() + " links of " + c.lanesPerLink() + " x " + lane + " Gb/s lanes: no host generation"
                    + " has " + lane + " Gb/s lanes — expected one of "
                    + generations.stream().map(g -> g.name() + " (" + g.lanes() + " x " + Format.num(laneRateBitsPerSecond(g) / 1e9) + "G)")
                            .collect(Collectors.joining(", "))
                    + (c.tier() == org.mosaic.cluster.topology.LinkTier.SCALE_UP
                            ? " (hint: set the cluster's scaleUp.laneRate to 100 or 200 Gb/s)"
                            : " (hint: set the cluster's fabric.portRate and fabric.lanesPerPort so the lane rate is 100 or 200 Gb/s)"));
        }
        return best != null ? best : widest;
    }
}
