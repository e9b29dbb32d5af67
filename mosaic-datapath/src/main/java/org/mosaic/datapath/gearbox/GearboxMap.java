package org.mosaic.datapath.gearbox;

import java.util.Arrays;
import org.mosaic.core.parallel.Memo;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.Require;

/**
 * The gearbox as a pure index permutation between the host's codeword bits and the data channels' bit
 * slots, precomputed over one <em>superblock</em>: the smallest whole number of host blocks whose
 * symbols divide evenly over the D data channels (lcm(block symbols, D) symbols; for KP4, 2 × 2
 * interleaved codewords and 400 channels: 25 blocks = 100 codewords = 544,000 bits, 1,360 bits per
 * channel). After a superblock the pattern repeats.
 *
 * <p>Channel c's k-th bit slot of superblock q is global slot {@code q·K + k} of that channel, sent at
 * time (q·K + k)/channelRate. {@link #address(int, int)} gives the codeword address (codeword in
 * superblock·n·m + symbol·m + bit) of a slot; {@link #slot(int)} is the exact inverse.
 * <ul>
 *   <li>{@link Mapping#BIT}: host bit g of the superblock (aggregate host order) → channel g mod D, slot g div D;
 *   <li>{@link Mapping#SYMBOL}: PCS-order symbol u → channel u mod D, its m bits in consecutive slots;
 *   <li>{@link Mapping#CODEWORD_AWARE}: codeword-major symbol u → channel u mod D, bits consecutive, so each
 *       codeword's n symbols land on min(n, D) distinct channels, at most ceil(n/D) per channel.
 * </ul>
 */
public final class GearboxMap {
    /** Largest superblock we tabulate (two int tables of this many entries). */
    public static final long MAX_SUPERBLOCK_BITS = 1L << 26;

    private final HostLayout layout;
    private final Mapping mapping;
    private final int channels;
    private final int n;
    private final int m;
    private final int slotsPerChannel;
    private final int codewordsPerSuperblock;
    private final int[] slotToAddress;
    private final int[] addressToSlot;

    /** A map's key: the host layout is a pure function of the FEC and the host (value-equal records). */
    private record Key(FecSpec fec, HostSpec host, Mapping mapping, int dataChannels) {
    }

    /** The last maps built (immutable; an emulation run and every exposure of the datapath report build one). */
    private static final Memo<Key, GearboxMap> BUILT = new Memo<>(6);

    /**
     * The map of {@code mapping} over {@code dataChannels} channels for the host layout of {@code fec} and {@code host},
     * the same one for equal arguments while it is among the last few asked for (a map tabulates every bit of a
     * superblock: 544,000 for the 800G host over 400 channels).
     */
    public static GearboxMap of(FecSpec fec, HostSpec host, Mapping mapping, int dataChannels) {
        return BUILT.get(new Key(fec, host, mapping, dataChannels),
                key -> new GearboxMap(new HostLayout(fec, host), mapping, dataChannels));
    }

    public GearboxMap(HostLayout layout, Mapping mapping, int dataChannels) {
        this.layout = Require.notNull("layout", layout);
        this.mapping = Require.notNull("mapping", mapping);
        Require.inRange("channels.data", dataChannels, 1, 1 << 16, null);
        this.channels = dataChannels;
        this.n = layout.fec().n();
        this.m = layout.fec().symbolBits();
        long blockSymbols = layout.symbolsPerBlock();
        long superSymbols = Require.lcm(blockSymbols, dataChannels);
        long superBits = superSymbols * m;
        if (superBits > MAX_SUPERBLOCK_BITS) {
            throw new IllegalArgumentException("gearbox superblock = " + superBits + " bits for " + dataChannels
                    + " data channels — expected at most " + MAX_SUPERBLOCK_BITS + " (hint: choose a channel count sharing more "
                    + "factors with the " + blockSymbols + " symbols of a host block, e.g. 400)");
        }
        this.slotsPerChannel = (int) (superBits / dataChannels);
        this.codewordsPerSuperblock = (int) (superSymbols / n);
        int total = (int) superBits;
        this.slotToAddress = new int[total];
        this.addressToSlot = new int[total];
        Arrays.fill(addressToSlot, -1);
        int blockBits = layout.bitsPerBlock();
        int blockSym = layout.symbolsPerBlock();
        for (int c = 0; c < dataChannels; c++) {
            for (int k = 0; k < slotsPerChannel; k++) {
                int a;
                if (mapping == Mapping.BIT) {
                    int g = k * dataChannels + c;
                    a = (g / blockBits) * blockBits + layout.hostBitAddress(g % blockBits);
                } else {
                    int u = (k / m) * dataChannels + c;
                    int inBlock = mapping == Mapping.SYMBOL ? layout.pcsOrderSymbol(u % blockSym) : layout.codewordMajorSymbol(u % blockSym);
                    a = ((u / blockSym) * blockSym + inBlock) * m + k % m;
                }
                int slot = c * slotsPerChannel + k;
                if (addressToSlot[a] != -1) {
                    throw new IllegalStateException("gearbox " + mapping.id() + " maps two slots to address " + a);
                }
                slotToAddress[slot] = a;
                addressToSlot[a] = slot;
            }
        }
    }

    public HostLayout layout() {
        return layout;
    }

    public Mapping mapping() {
        return mapping;
    }

    public int dataChannels() {
        return channels;
    }

    /** K: bit slots of one channel per superblock. */
    public int slotsPerChannel() {
        return slotsPerChannel;
    }

    public int codewordsPerSuperblock() {
        return codewordsPerSuperblock;
    }

    public int bitsPerSuperblock() {
        return slotToAddress.length;
    }

    /** Codeword address (codeword in superblock·n·m + symbol·m + bit) of channel c's slot k (0 ≤ k < K). */
    public int address(int channel, int slot) {
        return slotToAddress[channel * slotsPerChannel + slot];
    }

    /** Flat slot index c·K + k of a codeword address: the inverse of {@link #address(int, int)}. */
    public int slot(int address) {
        return addressToSlot[address];
    }

    /**
     * For each codeword of the superblock (rows) and each data channel (columns): how many distinct symbols
     * of that codeword the channel carries — the number of symbol errors a dead channel causes at most.
     */
    public int[][] symbolsPerChannelPerCodeword() {
        int[][] count = new int[codewordsPerSuperblock][channels];
        int nm = n * m;
        int[] seen = new int[codewordsPerSuperblock * n];
        Arrays.fill(seen, -1);
        for (int c = 0; c < channels; c++) {
            int lastSymbol = -1;
            for (int k = 0; k < slotsPerChannel; k++) {
                int a = address(c, k);
                int sym = a / m;
                if (sym != lastSymbol && seen[sym] != c) {
                    seen[sym] = c;
                    count[a / nm][c]++;
                }
                lastSymbol = sym;
            }
        }
        return count;
    }
}
