package org.mosaic.datapath;

/**
 * The optical channels: {@code dataChannels} carry the host bits, {@code spares} stand by. Physical
 * channel p (data 0..D−1, then spares D..D+S−1) sits at grid row p div {@code gridColumns}, column
 * p mod {@code gridColumns}, so the spares fill the rows after the data array (for 400 + 20 on a 20-wide
 * grid: one extra row). Neighbours for crosstalk are the 4-connected grid cells.
 * Default: 400 data channels on a 20 × 20 grid ([msr-blog], published) and 20 spares
 * (5 %, [mosaic-claim-ledger] spare_fraction 0.05, paper-derived).
 */
public record ChannelPlan(int dataChannels, int spares, int gridColumns) {
    public static final ChannelPlan MOSAIC_800G = new ChannelPlan(400, 20, 20);

    public ChannelPlan {
        Require.inRange("channels.data", dataChannels, 1, 1 << 16, "MOSAIC 800G uses 400");
        Require.inRange("channels.spares", spares, 0, 1 << 16, "MOSAIC 800G: about 5 % spares");
        Require.inRange("channels.gridColumns", gridColumns, 1, 1 << 16, "20 for a 20 × 20 array");
    }

    public int physicalChannels() {
        return dataChannels + spares;
    }

    public int row(int physical) {
        return physical / gridColumns;
    }

    public int column(int physical) {
        return physical % gridColumns;
    }

    /** The 4-connected grid neighbours of a physical channel, in increasing index order. */
    public int[] neighbours(int physical) {
        int total = physicalChannels();
        int[] tmp = new int[4];
        int c = 0;
        int r = row(physical);
        int col = column(physical);
        if (r > 0) {
            tmp[c++] = physical - gridColumns;
        }
        if (col > 0) {
            tmp[c++] = physical - 1;
        }
        if (col < gridColumns - 1 && physical + 1 < total) {
            tmp[c++] = physical + 1;
        }
        if (physical + gridColumns < total) {
            tmp[c++] = physical + gridColumns;
        }
        return java.util.Arrays.copyOf(tmp, c);
    }
}
