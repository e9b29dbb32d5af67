package org.mosaic.datapath.gearbox;

import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;

/**
 * Where each bit of the host's codewords sits in the host streams, within one block of
 * {@link HostSpec#codewordsPerBlock()} codewords (the host pattern repeats every block).
 *
 * <p>A codeword address is {@code (codeword in block)·n·m + symbol·m + bit}: symbol index 0 is the first
 * transmitted symbol, bit j of a symbol has weight 2^j and is sent j-th. Three orders of the same block
 * are defined here, each a bijection onto the block's addresses:
 * <ul>
 *   <li>the <em>host bit order</em> g: the aggregate of the host lanes, bit by bit (g mod H is the host lane);
 *   <li>the <em>PCS symbol order</em> u: the PCS lanes' symbols taken round-robin over all PCS lanes
 *       (what a symbol-aware gearbox recovers after demultiplexing the host lanes);
 *   <li>the <em>codeword-major symbol order</em>: codeword 0's symbols first, then codeword 1's, …
 * </ul>
 * The distribution is described on {@link HostSpec}.
 */
public final class HostLayout {
    private final FecSpec fec;
    private final HostSpec host;
    private final int n;
    private final int m;
    private final int codewordsPerFlow;
    private final int pcsLanesPerFlow;
    private final int pcsLanes;
    private final int hostLanes;
    private final int pcsPerHostLane;
    private final boolean units;

    public HostLayout(FecSpec fec, HostSpec host) {
        this.fec = fec;
        this.host = host;
        this.n = fec.n();
        this.m = fec.symbolBits();
        this.codewordsPerFlow = host.codewordsPerFlow();
        this.pcsLanesPerFlow = host.pcsLanesPerFlow();
        this.pcsLanes = host.pcsLanes();
        this.hostLanes = host.hostLanes();
        this.pcsPerHostLane = pcsLanes / hostLanes;
        this.units = host.dealing() == HostSpec.PcsDealing.UNITS;
        if (!units && (codewordsPerFlow * n) % pcsLanesPerFlow != 0) {
            throw new IllegalArgumentException("host.pcsLanesPerFlow = " + pcsLanesPerFlow + " — expected a divisor of the "
                    + codewordsPerFlow * n + " symbols of a flow's interleaved codewords (hint: 16 lanes for 2 × 544 symbols)");
        }
        if (units && n % pcsLanesPerFlow != 0) {
            throw new IllegalArgumentException("host.pcsLanesPerFlow = " + pcsLanesPerFlow + " — expected a divisor of the "
                    + n + " symbols of a codeword, so every PCS lane carries the same share of each (hint: 16 for KP4 and KR4)");
        }
    }

    public FecSpec fec() {
        return fec;
    }

    public HostSpec host() {
        return host;
    }

    public int codewordsPerBlock() {
        return host.codewordsPerBlock();
    }

    public int symbolsPerBlock() {
        return codewordsPerBlock() * n;
    }

    public int bitsPerBlock() {
        return symbolsPerBlock() * m;
    }

    /**
     * Symbol address {@code codewordInBlock·n + symbol} of PCS lane p's r-th symbol in the block. The flow's
     * interleaved stream (one symbol of each codeword in turn) is dealt to its PCS lanes in units of C symbols
     * (one per codeword; every PCS lane carries all C codewords alternately) or in single symbols
     * ({@link HostSpec.PcsDealing}).
     */
    public int pcsLaneSymbol(int pcsLane, int position) {
        int flow = pcsLane / pcsLanesPerFlow;
        int lane = pcsLane % pcsLanesPerFlow;
        if (units) {
            int codeword = flow * codewordsPerFlow + position % codewordsPerFlow;
            return codeword * n + (position / codewordsPerFlow) * pcsLanesPerFlow + lane;
        }
        int s = position * pcsLanesPerFlow + lane; // flow stream symbol
        return (flow * codewordsPerFlow + s % codewordsPerFlow) * n + s / codewordsPerFlow;
    }

    /** Symbol address of the u-th symbol in PCS symbol order (PCS lanes round-robin). */
    public int pcsOrderSymbol(int u) {
        return pcsLaneSymbol(u % pcsLanes, u / pcsLanes);
    }

    /** Symbol address of the u-th symbol in codeword-major order (identity). */
    public int codewordMajorSymbol(int u) {
        return u;
    }

    /** Bit address of the g-th bit of the aggregate host stream (host lanes bit-interleaved). */
    public int hostBitAddress(int g) {
        int hostLane = g % hostLanes;
        int j = g / hostLanes;                       // bit index on the host lane
        int pcsLane = hostLane + hostLanes * (j % pcsPerHostLane);
        int b = j / pcsPerHostLane;                  // bit index on the PCS lane
        return pcsLaneSymbol(pcsLane, b / m) * m + b % m;
    }

    /** The PCS lane that carries a symbol address (inverse of {@link #pcsLaneSymbol}, lane part). */
    public int pcsLaneOf(int symbolAddress) {
        int codeword = symbolAddress / n;
        int symbol = symbolAddress % n;
        int flow = codeword / codewordsPerFlow;
        if (units) {
            return flow * pcsLanesPerFlow + symbol % pcsLanesPerFlow;
        }
        int s = symbol * codewordsPerFlow + codeword % codewordsPerFlow;
        return flow * pcsLanesPerFlow + s % pcsLanesPerFlow;
    }
}
