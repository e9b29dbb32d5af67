package org.mosaic.datapath.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationSpec;

/**
 * Which physical channel carries each logical data channel when, and what state it is in: the health
 * monitor and spare failover, the faults, and the deskew slips, all as slot ranges of the run.
 *
 * <p><b>Failover.</b> Logical channel c starts on physical channel c. A fault on physical channel p is
 * declared {@link ChannelFault#detectionSeconds detected} at its start plus the detection latency; at that
 * instant the gearbox moves p's traffic to the lowest-numbered spare that is idle and not yet declared
 * failed (a spare whose own fault has started but is not yet detected can be chosen; it fails over again
 * when detected). If no spare is left, the traffic stays on p, which is reported. Detections are handled
 * in time order (ties by channel index). A newly used channel is deskew-trained when it takes the traffic.
 *
 * <p><b>Segments.</b> For each logical channel, a list of {@link Segment}s: the physical channel, the slot
 * range, its good-state BER, and inside it the slots where bits are random ({@code randomBad}: dead or
 * flapping-dead phases and deskew slips) or constant ({@code stuck}, from a stuck-at fault; stuck wins
 * over a slip).
 */
public final class LinkTimeline {
    /** A stretch of one logical channel on one physical channel. */
    public record Segment(int physical, long fromSlot, long toSlot, double ber, long[] randomBad, long[] stuck, int stuckValue,
                          long slipSlots, boolean misaligned) {
    }

    /** A failover: the traffic of {@code logicalChannel} moved from one physical channel to another (−1: no spare left). */
    public record Failover(int logicalChannel, int fromPhysical, int toPhysical, double faultSeconds, double switchSeconds) {
    }

    private final int dataChannels;
    private final int physicalChannels;
    private final long endSlot;
    private final Segment[][] segments;
    private final long[][] occupancy;   // per physical: {from, to, logical, from, to, logical, ...}
    private final List<Failover> failovers;
    private final int[] misalignedPhysical;
    private final List<Failover> monitorRemaps;

    private LinkTimeline(int dataChannels, int physicalChannels, long endSlot, Segment[][] segments, long[][] occupancy,
                         List<Failover> failovers, int[] misalignedPhysical, List<Failover> monitorRemaps) {
        this.dataChannels = dataChannels;
        this.physicalChannels = physicalChannels;
        this.endSlot = endSlot;
        this.segments = segments;
        this.occupancy = occupancy;
        this.failovers = failovers;
        this.misalignedPhysical = misalignedPhysical;
        this.monitorRemaps = monitorRemaps;
    }

    /** The timeline of a spec over slots [0, endSlot) of every channel. */
    public static LinkTimeline build(EmulationSpec spec, long endSlot) {
        ChannelPlan plan = spec.channels();
        int d = plan.dataChannels();
        int phys = plan.physicalChannels();
        double rate = spec.channelRateBitsPerSecond();
        double latency = spec.detectionLatencySeconds();
        ChannelFault[] faultOf = new ChannelFault[phys];
        for (ChannelFault f : spec.faults()) {
            faultOf[f.physicalChannel()] = f;
        }
        double[] detect = new double[phys];
        double[] faultStart = new double[phys];
        Integer[] order = new Integer[phys];
        boolean[] byMonitor = new boolean[phys];
        BerMonitor monitor = spec.berMonitor();
        for (int p = 0; p < phys; p++) {
            detect[p] = faultOf[p] == null ? Double.POSITIVE_INFINITY : faultOf[p].detectionSeconds(latency);
            faultStart[p] = faultOf[p] == null ? 0 : faultOf[p].startSeconds();
            // a channel whose BER is at or above the monitor's threshold from the start, or from when it degrades
            double base = spec.burst().averageBer(spec.channelBer(p));
            double degraded;
            double since = 0;
            if (faultOf[p] != null && faultOf[p].degrades()) {
                degraded = monitor.detectionSeconds(base, spec.burst().averageBer(faultOf[p].degradedBer()),
                        faultOf[p].startSeconds());
                since = monitor.detectionSeconds(base) <= degraded ? 0 : faultOf[p].startSeconds();
            } else {
                degraded = monitor.detectionSeconds(base);
            }
            if (degraded < detect[p]) {
                detect[p] = degraded;
                faultStart[p] = since;
                byMonitor[p] = true;
            }
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> detect[a] != detect[b] ? Double.compare(detect[a], detect[b]) : Integer.compare(a, b));

        int[] carrier = new int[phys];
        Arrays.fill(carrier, -1);
        boolean[] retired = new boolean[phys];
        List<List<long[]>> assign = new ArrayList<>(); // per logical: {physical, fromSlot}
        for (int c = 0; c < d; c++) {
            carrier[c] = c;
            List<long[]> l = new ArrayList<>();
            l.add(new long[] {c, 0});
            assign.add(l);
        }
        List<Failover> failovers = new ArrayList<>();
        List<Failover> monitorRemaps = new ArrayList<>();
        for (int idx = 0; idx < phys; idx++) {
            int p = order[idx];
            double t = detect[p];
            if (!Double.isFinite(t)) {
                break;
            }
            long slot = Slots.atOrAfter(t, rate);
            if (slot >= endSlot) {
                break;
            }
            retired[p] = true;
            int c = carrier[p];
            if (c < 0) {
                continue;
            }
            int spare = -1;
            for (int s = d; s < phys; s++) {
                if (carrier[s] < 0 && !retired[s] && detect[s] > t) {
                    spare = s;
                    break;
                }
            }
            Failover f = new Failover(c, p, spare, faultStart[p], t);
            failovers.add(f);
            if (byMonitor[p]) {
                monitorRemaps.add(f);
            }
            if (spare >= 0) {
                carrier[p] = -1;
                carrier[spare] = c;
                assign.get(c).add(new long[] {spare, slot});
            }
        }

        Deskew deskew = spec.deskew();
        Skew skew = spec.skew();
        double minSkew = skew.minSkew();
        Segment[][] segments = new Segment[d][];
        List<List<long[]>> occ = new ArrayList<>();
        for (int p = 0; p < phys; p++) {
            occ.add(new ArrayList<>());
        }
        boolean[] misaligned = new boolean[phys];
        for (int c = 0; c < d; c++) {
            List<long[]> a = assign.get(c);
            List<Segment> segs = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                int p = (int) a.get(i)[0];
                long from = a.get(i)[1];
                long to = i + 1 < a.size() ? a.get(i + 1)[1] : endSlot;
                if (from >= to) {
                    continue;
                }
                occ.get(p).add(new long[] {from, to, c});
                ChannelFault f = faultOf[p];
                long[] faultRandom = Intervals.EMPTY;
                long[] stuck = Intervals.EMPTY;
                if (f != null) {
                    long[] bad = Intervals.clip(f.badSlots(rate, endSlot), from, to);
                    if (f.stuck()) {
                        stuck = bad;
                    } else {
                        faultRandom = bad;
                    }
                }
                long[] slip = Intervals.EMPTY;
                boolean mis = false;
                if (skew.any()) {
                    Deskew.Slips s = deskew.slips((skew.skew(p) - minSkew) * rate, skew.drift(p), from, to);
                    slip = s.slots();
                    mis = s.misaligned();
                    misaligned[p] |= mis;
                }
                long[] randomBad = Intervals.subtract(Intervals.union(faultRandom, slip), stuck);
                long at = f != null && f.degrades() ? Math.max(from, Slots.atOrAfter(f.startSeconds(), rate)) : to;
                if (at > from) { // before a degradation (or no degradation): the channel's own BER
                    segs.add(new Segment(p, from, at, spec.channelBer(p), Intervals.clip(randomBad, from, at),
                            Intervals.clip(stuck, from, at), f != null ? f.stuckValue() : 0,
                            Intervals.length(Intervals.clip(slip, from, at)), mis));
                }
                if (at < to) { // degraded: the same physical channel at its degraded BER
                    segs.add(new Segment(p, at, to, f.degradedBer(), Intervals.clip(randomBad, at, to),
                            Intervals.clip(stuck, at, to), f.stuckValue(), Intervals.length(Intervals.clip(slip, at, to)), mis));
                }
            }
            segments[c] = segs.toArray(new Segment[0]);
        }
        long[][] occupancy = new long[phys][];
        for (int p = 0; p < phys; p++) {
            List<long[]> l = occ.get(p);
            l.sort((x, y) -> Long.compare(x[0], y[0]));
            occupancy[p] = new long[3 * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, occupancy[p], 3 * i, 3);
            }
        }
        int[] mis = java.util.stream.IntStream.range(0, phys).filter(p -> misaligned[p]).toArray();
        return new LinkTimeline(d, phys, endSlot, segments, occupancy, List.copyOf(failovers), mis,
                List.copyOf(monitorRemaps));
    }

    public int dataChannels() {
        return dataChannels;
    }

    public int physicalChannels() {
        return physicalChannels;
    }

    public long endSlot() {
        return endSlot;
    }

    /** The segments of one logical channel, in time order (do not modify the arrays inside). */
    public Segment[] segments(int logical) {
        return segments[logical];
    }

    /** The logical channel carried by a physical channel at a slot, or −1. */
    public int occupant(int physical, long slot) {
        long[] o = occupancy[physical];
        for (int i = 0; i < o.length; i += 3) {
            if (slot >= o[i] && slot < o[i + 1]) {
                return (int) o[i + 2];
            }
        }
        return -1;
    }

    public List<Failover> failovers() {
        return failovers;
    }

    /** The failovers the BER monitor caused (a subset of {@link #failovers()}, same order). */
    public List<Failover> monitorRemaps() {
        return monitorRemaps;
    }

    /** Failovers that found no spare: the channel's traffic stayed on the failed channel. */
    public long unrepaired() {
        return failovers.stream().filter(f -> f.toPhysical() < 0).count();
    }

    /** Physical channels whose delay left the deskew buffer while carrying traffic. */
    public int[] misalignedPhysical() {
        return misalignedPhysical.clone();
    }

    /** Slots (over all logical channels) where the deskewer delivered a wrong-position bit. */
    public long slipSlots() {
        long s = 0;
        for (Segment[] segs : segments) {
            for (Segment g : segs) {
                s += g.slipSlots();
            }
        }
        return s;
    }

    /** Slots (over all logical channels) in a dead, flapping-dead or stuck phase or a slip. */
    public long faultSlots() {
        long s = 0;
        for (Segment[] segs : segments) {
            for (Segment g : segs) {
                s += Intervals.length(g.randomBad()) + Intervals.length(g.stuck());
            }
        }
        return s;
    }

    /** The state of logical channel c at a slot: its segment and the BER of that slot (0.5 if random or stuck). */
    public double berAt(int logical, long slot) {
        for (Segment g : segments[logical]) {
            if (slot >= g.fromSlot() && slot < g.toSlot()) {
                if (contains(g.randomBad(), slot) || contains(g.stuck(), slot)) {
                    return 0.5;
                }
                return g.ber();
            }
        }
        throw new IllegalArgumentException("slot " + slot + " — expected a slot in [0, " + endSlot + ")");
    }

    private static boolean contains(long[] a, long slot) {
        int i = Intervals.firstEndingAfter(a, slot);
        return i < a.length && a[i] <= slot;
    }
}
