package org.mosaic.datapath.channel;

import java.util.Arrays;

/**
 * Growable buffer of channel bit errors (logical channel, slot), and of stuck ranges
 * (logical channel, from, to, value) for the bit-exact engine. Reused chunk after chunk by one worker.
 */
public final class ErrorBuffer {
    private int[] channel = new int[1024];
    private long[] slot = new long[1024];
    private int size;
    private long[] stuck = new long[16];
    private int stuckSize;

    public void clear() {
        size = 0;
        stuckSize = 0;
    }

    public void add(int logicalChannel, long s) {
        if (size == channel.length) {
            channel = Arrays.copyOf(channel, size * 2);
            slot = Arrays.copyOf(slot, size * 2);
        }
        channel[size] = logicalChannel;
        slot[size++] = s;
    }

    public void addStuck(int logicalChannel, long from, long to, int value) {
        if (stuckSize + 4 > stuck.length) {
            stuck = Arrays.copyOf(stuck, stuck.length * 2);
        }
        stuck[stuckSize++] = logicalChannel;
        stuck[stuckSize++] = from;
        stuck[stuckSize++] = to;
        stuck[stuckSize++] = value;
    }

    public int size() {
        return size;
    }

    public int channel(int i) {
        return channel[i];
    }

    public long slot(int i) {
        return slot[i];
    }

    /** Number of stuck ranges. */
    public int stuckRanges() {
        return stuckSize / 4;
    }

    public int stuckChannel(int i) {
        return (int) stuck[4 * i];
    }

    public long stuckFrom(int i) {
        return stuck[4 * i + 1];
    }

    public long stuckTo(int i) {
        return stuck[4 * i + 2];
    }

    public int stuckValue(int i) {
        return (int) stuck[4 * i + 3];
    }
}
