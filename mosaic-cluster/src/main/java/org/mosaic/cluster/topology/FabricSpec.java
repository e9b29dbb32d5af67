package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * A scale-out fabric: a folded Clos of identical radix-k switches in 1–3 tiers (Al-Fares fat tree), optionally
 * oversubscribed at the leaf, with {@code nicsPerGpu} NIC ports per GPU at {@code portRateBitsPerSecond}, every
 * switch port and NIC at that rate with {@code lanesPerPort} lanes. Immutable, validated here.
 *
 * <p>Oversubscription r ≥ 1 is the ratio of a leaf's down ports to its up ports: down d = ⌊k·r/(r+1)⌋, up
 * u = ⌈d/r⌉ (so d/u ≤ r and d + u ≤ k; r = 1 gives d = u = k/2; a ratio the radix cannot express exactly is
 * rounded towards less oversubscription, see {@link #effectiveOversubscription()}). The tiers above the leaf are
 * non-blocking. One tier is a single switch with all k ports down (r must be 1). Frontend and storage networks are
 * not modelled (a separate fabric; the backend carries the training traffic).
 *
 * @param kind                  fat tree or rail-optimized leaves
 * @param radix                 ports per switch, k (even)
 * @param tiers                 1 (one switch), 2 (leaf–spine), 3 (leaf–aggregation–core)
 * @param oversubscription      leaf down : up ratio, ≥ 1
 * @param nicsPerGpu            backend NIC ports per GPU
 * @param portRateBitsPerSecond data rate of a NIC / switch port per direction, b/s
 * @param lanesPerPort          lanes per port (400G = 4 × 100G, [intel-an846-kp4], [nvidia-800g-specs])
 */
public record FabricSpec(FabricKind kind, int radix, int tiers, double oversubscription, int nicsPerGpu,
                         double portRateBitsPerSecond, int lanesPerPort) {
    /** Largest accepted radix, a bound against typos (today's largest switch has 144 ports, [al-fares-2008], [superpod-rail]). */
    static final int MAX_RADIX = 4096;

    public FabricSpec {
        Objects.requireNonNull(kind, "fabric kind is null — expected FAT_TREE or RAIL_OPTIMIZED");
        if (radix < 2 || radix > MAX_RADIX) {
            throw new IllegalArgumentException("switch radix k = " + radix + " — expected 2 to " + MAX_RADIX
                    + " ports (hint: Quantum-2 QM9700 has 64, Quantum-X800 144)");
        }
        if (radix % 2 != 0) {
            throw new IllegalArgumentException("switch radix k = " + radix + " is odd — expected an even radix "
                    + "(a folded Clos splits ports half down, half up); hint: use " + (radix - 1) + " or "
                    + (radix + 1));
        }
        if (tiers < 1 || tiers > 3) {
            throw new IllegalArgumentException("tiers = " + tiers + " — expected 1, 2 or 3 (hint: 3 tiers of 64-port "
                    + "switches reach 65,536 endpoints)");
        }
        if (!(oversubscription >= 1 && Double.isFinite(oversubscription))) {
            throw new IllegalArgumentException("oversubscription " + oversubscription + " — expected a finite ratio "
                    + ">= 1 (down : up ports at the leaf; 1 = non-blocking, 7 = Meta's 1:7)");
        }
        if (tiers == 1 && oversubscription != 1) {
            throw new IllegalArgumentException("oversubscription " + oversubscription + " with 1 tier — expected 1: a "
                    + "single switch has no uplinks to oversubscribe");
        }
        if (tiers == 1 && kind == FabricKind.RAIL_OPTIMIZED) {
            throw new IllegalArgumentException("a rail-optimized fabric with 1 tier — expected 2 or 3 tiers (a spine "
                    + "joins the rails); hint: use FAT_TREE for a single switch");
        }
        if (nicsPerGpu < 1 || nicsPerGpu > 64) {
            throw new IllegalArgumentException("NICs per GPU = " + nicsPerGpu + " — expected 1 to 64");
        }
        if (!(portRateBitsPerSecond > 0 && Double.isFinite(portRateBitsPerSecond))) {
            throw new IllegalArgumentException("port rate " + portRateBitsPerSecond + " b/s — expected a finite rate > 0 "
                    + "(hint: 400 Gb/s = 4e11)");
        }
        if (lanesPerPort < 1) {
            throw new IllegalArgumentException("lanes per port = " + lanesPerPort + " — expected >= 1 (400G = 4 lanes)");
        }
    }

    /** Leaf ports facing the GPUs, d. */
    public int leafDownPorts() {
        if (tiers == 1) {
            return radix;
        }
        return (int) Math.floor(radix * oversubscription / (oversubscription + 1) + 1e-9);
    }

    /** Leaf ports facing the spines, u (0 with one tier). */
    public int leafUpPorts() {
        if (tiers == 1) {
            return 0;
        }
        return (int) Math.ceil(leafDownPorts() / oversubscription - 1e-9);
    }

    /** The oversubscription the radix realizes, d/u (1 with one tier). */
    public double effectiveOversubscription() {
        return tiers == 1 ? 1 : (double) leafDownPorts() / leafUpPorts();
    }

    /** The same fabric with another radix. */
    public FabricSpec withRadix(int k) {
        return new FabricSpec(kind, k, tiers, oversubscription, nicsPerGpu, portRateBitsPerSecond, lanesPerPort);
    }

    /** The same fabric with another kind and leaf oversubscription. */
    public FabricSpec withKind(FabricKind k, double newOversubscription) {
        return new FabricSpec(k, radix, tiers, newOversubscription, nicsPerGpu, portRateBitsPerSecond, lanesPerPort);
    }

    /** The same fabric with another number of tiers (oversubscription 1 for one tier). */
    public FabricSpec withTiers(int t) {
        FabricKind kd = t == 1 ? FabricKind.FAT_TREE : kind;
        return new FabricSpec(kd, radix, t, t == 1 ? 1 : oversubscription, nicsPerGpu, portRateBitsPerSecond,
                lanesPerPort);
    }

    /** Nominal data rate of one lane, b/s. */
    public double laneRateBitsPerSecond() {
        return portRateBitsPerSecond / lanesPerPort;
    }
}
