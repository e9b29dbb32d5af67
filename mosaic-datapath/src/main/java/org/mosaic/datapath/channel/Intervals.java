package org.mosaic.datapath.channel;

import java.util.Arrays;

/**
 * Sets of half-open slot ranges [from, to) as sorted, disjoint, non-adjacent pairs in a {@code long[]}
 * ({from0, to0, from1, to1, …}). Small static helpers; inputs are not modified.
 */
public final class Intervals {
    public static final long[] EMPTY = new long[0];

    private Intervals() {
    }

    /** Sorts and merges arbitrary pairs (empty ranges dropped). */
    public static long[] normalize(long[] pairs) {
        int count = pairs.length / 2;
        long[][] list = new long[count][];
        int c = 0;
        for (int i = 0; i < count; i++) {
            if (pairs[2 * i] < pairs[2 * i + 1]) {
                list[c++] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
            }
        }
        long[][] sorted = Arrays.copyOf(list, c);
        Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[2 * c];
        int o = 0;
        for (long[] r : sorted) {
            if (o > 0 && r[0] <= out[o - 1]) {
                out[o - 1] = Math.max(out[o - 1], r[1]);
            } else {
                out[o++] = r[0];
                out[o++] = r[1];
            }
        }
        return Arrays.copyOf(out, o);
    }

    public static long[] union(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return normalize(all);
    }

    /** a ∩ [from, to). */
    public static long[] clip(long[] a, long from, long to) {
        int first = firstEndingAfter(a, from);
        int last = first;
        while (last < a.length && a[last] < to) {
            last += 2;
        }
        long[] out = new long[last - first];
        int o = 0;
        for (int i = first; i < last; i += 2) {
            long s = Math.max(a[i], from);
            long e = Math.min(a[i + 1], to);
            if (s < e) {
                out[o++] = s;
                out[o++] = e;
            }
        }
        return Arrays.copyOf(out, o);
    }

    /** a minus b. */
    public static long[] subtract(long[] a, long[] b) {
        long[] out = new long[a.length + b.length + 2];
        int o = 0;
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            long s = a[i];
            long e = a[i + 1];
            while (j < b.length && b[j + 1] <= s) {
                j += 2;
            }
            int jj = j;
            while (s < e && jj < b.length && b[jj] < e) {
                if (b[jj] > s) {
                    if (o + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[o++] = s;
                    out[o++] = b[jj];
                }
                s = Math.max(s, b[jj + 1]);
                jj += 2;
            }
            if (s < e) {
                if (o + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[o++] = s;
                out[o++] = e;
            }
        }
        return Arrays.copyOf(out, o);
    }

    /** Total length of the ranges. */
    public static long length(long[] a) {
        long sum = 0;
        for (int i = 0; i < a.length; i += 2) {
            sum += a[i + 1] - a[i];
        }
        return sum;
    }

    /** Index (even) of the first pair whose end is after {@code slot}, or a.length. */
    public static int firstEndingAfter(long[] a, long slot) {
        int lo = 0;
        int hi = a.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[2 * mid + 1] <= slot) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 2 * lo;
    }
}
