package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * What to build: {@code gpus} GPUs in scale-up domains of {@code domain.gpus()} (the last domain partial when the
 * count does not divide; its switch trays are all present), joined by a scale-out {@code fabric}, or by none
 * ({@code fabric == null}: isolated domains, e.g. one NVL72 rack). Validated here: the fabric must hold the GPUs'
 * NIC ports; when it cannot, the message says which radix or how many tiers would.
 *
 * @param gpus   GPUs in the cluster
 * @param domain the scale-up domain
 * @param fabric the scale-out fabric, or {@code null} for none
 */
public record ClusterSpec(int gpus, ScaleUpDomainSpec domain, FabricSpec fabric) {
    /** Largest accepted cluster, a bound against typos (10 million GPUs). */
    /** Largest accepted cluster, a bound against typos. */
    public static final int MAX_GPUS = 10_000_000;

    public ClusterSpec {
        if (gpus < 1 || gpus > MAX_GPUS) {
            throw new IllegalArgumentException("GPUs = " + gpus + " — expected 1 to " + MAX_GPUS
                    + " (hint: a 100k-GPU cluster is gpus=100000)");
        }
        Objects.requireNonNull(domain, "scale-up domain is null — expected a domain (ScaleUpDomainSpec.single() for none)");
        if (fabric != null) {
            long max = TopologySizing.maxGpus(domain, fabric);
            if (gpus > max) {
                throw new IllegalArgumentException(capacityMessage(gpus, domain, fabric, max));
            }
        }
    }

    /** Domains only, no scale-out fabric. */
    public static ClusterSpec scaleUpOnly(int gpus, ScaleUpDomainSpec domain) {
        return new ClusterSpec(gpus, domain, null);
    }

    /** True when a scale-out fabric joins the domains. */
    public boolean hasFabric() {
        return fabric != null;
    }

    /** Scale-up domains (the last one possibly partial). */
    public int domains() {
        return (gpus + domain.gpus() - 1) / domain.gpus();
    }

    private static String capacityMessage(int gpus, ScaleUpDomainSpec domain, FabricSpec f, long max) {
        StringBuilder sb = new StringBuilder();
        sb.append(gpus).append(" GPUs × ").append(f.nicsPerGpu()).append(" NIC(s) — expected at most ").append(max)
                .append(" GPUs: ").append(f.tiers()).append(" tier(s) of ").append(f.radix()).append("-port switches");
        if (f.tiers() > 1) {
            sb.append(" at ").append(f.oversubscription()).append(":1");
        }
        if (f.kind() == FabricKind.RAIL_OPTIMIZED) {
            sb.append(", rail-optimized with ").append((long) domain.gpus() * f.nicsPerGpu()).append(" rails");
        }
        sb.append(" hold ").append(max).append(". Hint:");
        int k = f.radix() + 2;
        while (k <= FabricSpec.MAX_RADIX && TopologySizing.maxGpus(domain, f.withRadix(k)) < gpus) {
            k += 2;
        }
        if (k <= FabricSpec.MAX_RADIX) {
            sb.append(" radix >= ").append(k).append(" with ").append(f.tiers()).append(" tier(s) fits");
        } else {
            sb.append(" no radix up to ").append(FabricSpec.MAX_RADIX).append(" fits ").append(f.tiers())
                    .append(" tier(s)");
        }
        for (int t = f.tiers() + 1; t <= 3; t++) {
            long m = TopologySizing.maxGpus(domain, f.withTiers(t));
            if (m >= gpus) {
                sb.append("; or ").append(t).append(" tiers of radix ").append(f.radix()).append(" (hold ").append(m)
                        .append(")");
                break;
            }
        }
        if (f.tiers() > 1 && f.oversubscription() < 64) {
            sb.append("; more oversubscription at the leaf also adds endpoints");
        }
        return sb.append('.').toString();
    }
}
