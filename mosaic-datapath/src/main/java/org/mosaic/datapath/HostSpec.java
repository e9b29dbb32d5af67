package org.mosaic.datapath;

/**
 * The host side of the cable, modelled like 800GBASE-R over 800GAUI-8 (IEEE 802.3 clauses 119 and 172).
 *
 * <p>Modelled: {@code flows} independent FEC flows; in each, {@code codewordsPerFlow} codewords are
 * interleaved symbol by symbol (stream symbol s belongs to codeword s mod C, symbol s div C) and the
 * stream is dealt round-robin to the flow's {@code pcsLanesPerFlow} PCS lanes, by default one 10-bit symbol at a time
 * ({@link PcsDealing#SYMBOLS}: with C = 2 and 16 lanes, PCS lane l carries only codeword l mod 2); PCS lane l of flow
 * f is global lane p = f·L + l; PCS lane p is bit-multiplexed onto host lane p mod H, each host lane taking
 * its PCS lanes bit by bit in increasing order. The aggregate host stream takes the H host lanes bit by
 * bit. Default: 2 flows × 2 codewords × 16 PCS lanes = 32 PCS lanes over 8 host lanes of 106.25 Gb/s
 * (850 Gb/s including KP4; [intel-an846-kp4], [nvidia-800g-specs], published).
 *
 * <p>Why single-symbol dealing is the default (issue 17): three concordant sources say that 802.3bs Clause 119 deals
 * the interleaved RS(544,514) symbols to the 16 PCS lanes of a 400G flow one 10-bit symbol at a time, round robin:
 * the description of an 802.3bs-compliant 400G RS-FEC core ([xelic-400g-fec], secondary), the Ethernet Alliance's
 * PCS/PMA deep dive by a task-force participant ([ea-8023bs-pcs], secondary: "played out in a 10-bit round robin
 * distribution to the ... 16 (400GbE) PCS lanes") and our recollection of Clause 119 (119.2.4.x, [ieee-8023], recalled,
 * not read: the clause text was not available to us). 800GBASE-R builds on two such flows ([etc-800g]). The other
 * reading, {@link PcsDealing#UNITS} (every PCS lane carries both codewords), was the default before and is kept as
 * an option and as the report's sensitivity case.
 *
 * <p>Simplified (see docs/datapath.md): no 64b/66b or 256b/257b transcoding, no scrambler (payload bits
 * are uniformly random already), no PCS alignment markers or their removal, no lane reordering or
 * skew between host lanes, and the order in which the PMA multiplexes PCS lanes is this fixed one.
 */
public record HostSpec(int hostLanes, double laneRateBitsPerSecond, int flows, int codewordsPerFlow, int pcsLanesPerFlow,
                       PcsDealing dealing) {
    /** 800GAUI-8: 8 × 106.25 Gb/s, two 400G-style flows of two interleaved KP4 codewords on 16 PCS lanes each. */
    public static final HostSpec HOST_800G = new HostSpec(8, 106.25e9, 2, 2, 16, PcsDealing.SYMBOLS);

    /**
     * How a flow's interleaved symbol stream is dealt to its PCS lanes. It matters: with {@link #SYMBOLS} and an even
     * lane count every PCS lane carries a single codeword, so bit-multiplexing concentrates a channel's bits on fewer
     * codewords (one dead channel under the bit mapping: 27–28 symbols of two of a block's four codewords, against
     * 13–14 of each under {@link #UNITS}). {@link #SYMBOLS} is the default, from [xelic-400g-fec], [ea-8023bs-pcs] and
     * [ieee-8023] Clause 119 (recalled; see the class comment).
     */
    public enum PcsDealing {
        /**
         * Units of C consecutive stream symbols (one per codeword): every PCS lane carries every codeword. The default
         * before issue 17 ([ieee-8023bs-flr]: "one physical lane carries symbols from both codewords", unverified);
         * kept as an option and as the report's sensitivity case.
         */
        UNITS,
        /** Single symbols round-robin (802.3bs Clause 119, default): with an even lane count each PCS lane carries one codeword only. */
        SYMBOLS;

        /** The name a user writes: {@code symbols} or {@code units}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses {@code symbols} or {@code units} (case-insensitive, surrounding blanks ignored). */
        public static PcsDealing parse(String text) {
            if (text != null) {
                String t = text.trim().toLowerCase(java.util.Locale.ROOT);
                for (PcsDealing d : values()) {
                    if (d.id().equals(t)) {
                        return d;
                    }
                }
            }
            throw new IllegalArgumentException("PCS dealing \"" + text + "\" is unknown — expected symbols or units (hint: symbols, "
                    + "one 10-bit symbol per PCS lane in turn, is 802.3bs Clause 119 and the default; units deals one symbol of "
                    + "each codeword per turn)");
        }
    }

    /** A host with the default single-symbol PCS dealing ({@link PcsDealing#SYMBOLS}). */
    public HostSpec(int hostLanes, double laneRateBitsPerSecond, int flows, int codewordsPerFlow, int pcsLanesPerFlow) {
        this(hostLanes, laneRateBitsPerSecond, flows, codewordsPerFlow, pcsLanesPerFlow, PcsDealing.SYMBOLS);
    }

    public HostSpec withDealing(PcsDealing d) {
        return new HostSpec(hostLanes, laneRateBitsPerSecond, flows, codewordsPerFlow, pcsLanesPerFlow, d);
    }

    public HostSpec {
        Require.inRange("host.lanes", hostLanes, 1, 1024, "800GAUI-8 has 8");
        Require.positive("host.laneRate", laneRateBitsPerSecond, "106.25 Gb/s for 100G-per-lane PAM4");
        Require.inRange("host.flows", flows, 1, 64, "800GBASE-R has 2 flows of 400G");
        Require.inRange("host.codewordsPerFlow", codewordsPerFlow, 1, 64, "802.3 clause 119 interleaves 2 codewords");
        Require.inRange("host.pcsLanesPerFlow", pcsLanesPerFlow, 1, 4096, "16 for a 400G flow");
        Require.notNull("host.dealing", dealing);
        if ((flows * pcsLanesPerFlow) % hostLanes != 0) {
            throw new IllegalArgumentException("host PCS lanes = " + flows * pcsLanesPerFlow + " — expected a multiple of the "
                    + hostLanes + " host lanes (hint: each host lane bit-multiplexes the same number of PCS lanes)");
        }
    }

    public int pcsLanes() {
        return flows * pcsLanesPerFlow;
    }

    /** Codewords in one block (the unit that repeats on the host side): flows × codewords per flow. */
    public int codewordsPerBlock() {
        return flows * codewordsPerFlow;
    }

    public double rateBitsPerSecond() {
        return hostLanes * laneRateBitsPerSecond;
    }
}
