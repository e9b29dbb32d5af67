package org.mosaic.studies.datapath;

import static org.mosaic.studies.datapath.DatapathReportStudy.DATA_CHANNELS;
import static org.mosaic.studies.datapath.DatapathReportStudy.FEC;
import static org.mosaic.studies.datapath.DatapathReportStudy.FRAME_BYTES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.datapath.gearbox.GearboxMap;

/**
 * The exact independent-error model of a link whose {@code dead} channels send random bits while every other
 * channel errs independently at a BER b. Each symbol of a codeword errs with q = 1 − (1 − b)^(m − k)·2^(−k),
 * k = its bits on dead channels (from the gearbox permutation), independently of the others, so codeword j of a
 * superblock fails with the Poisson-binomial tail P_j = P[X &gt; t] ({@link PostFec#codewordFailureProbability(double[], int)}),
 * independently of the other codewords. Frames of F bits are laid end to end over the message bits of the
 * flow units (the host's interleaved codewords, in codeword order), exactly as the engines count them; a frame
 * is lost unless every codeword of every unit it touches survives: FLR = mean over the frames of one period of
 * 1 − Π(1 − P_j). Unlike the homogeneous formula of {@link PostFec#frameLossRatio} this stays exact when the
 * codewords of a unit fail with very different probabilities (a dead channel concentrated on some of them).
 * Computed independently of the engines; its codeword failure must equal their {@code analytic.mappingAwareCodewordFailure}.
 */
final class Exposure {
    /** Distinct codeword classes: entry k = symbols with k bits on dead channels. */
    private final List<int[]> histograms = new ArrayList<>();
    /** Codeword j of the superblock → its distinct class. */
    private final int[] classOf;
    private final int codewordsPerUnit;
    private final int maxSymbolsHit;

    Exposure(Variant variant, int[] dead) {
        GearboxMap map = GearboxMap.of(FEC, variant.host(), variant.mapping(), DATA_CHANNELS);
        int m = FEC.symbolBits();
        int nm = FEC.n() * m;
        codewordsPerUnit = variant.host().codewordsPerFlow();
        int[][] bitsOnDead = new int[map.codewordsPerSuperblock()][FEC.n()];
        for (int c : dead) {
            for (int s = 0; s < map.slotsPerChannel(); s++) {
                int a = map.address(c, s);
                bitsOnDead[a / nm][(a % nm) / m]++;
            }
        }
        classOf = new int[bitsOnDead.length];
        int most = 0;
        for (int j = 0; j < bitsOnDead.length; j++) {
            int[] h = new int[m + 1];
            int hit = 0;
            for (int k : bitsOnDead[j]) {
                h[k]++;
                hit += k > 0 ? 1 : 0;
            }
            most = Math.max(most, hit);
            int found = -1;
            for (int i = 0; i < histograms.size() && found < 0; i++) {
                if (Arrays.equals(histograms.get(i), h)) {
                    found = i;
                }
            }
            if (found < 0) {
                histograms.add(h);
                found = histograms.size() - 1;
            }
            classOf[j] = found;
        }
        maxSymbolsHit = most;
    }

    int maxSymbolsHit() {
        return maxSymbolsHit;
    }

    /** P_j per distinct class. */
    private double[] classFailure(double ber) {
        int m = FEC.symbolBits();
        double[] p = new double[histograms.size()];
        for (int i = 0; i < p.length; i++) {
            int[] h = histograms.get(i);
            double[] q = new double[FEC.n()];
            int o = 0;
            for (int k = 0; k <= m; k++) {
                double qk = -Math.expm1((m - k) * Math.log1p(-ber) + k * Math.log(0.5));
                for (int j = 0; j < h[k]; j++) {
                    q[o++] = qk;
                }
            }
            p[i] = PostFec.codewordFailureProbability(q, FEC.t());
        }
        return p;
    }

    /** The codeword failure probability averaged over the codewords of a superblock. */
    double codewordFailure(double ber) {
        double[] p = classFailure(ber);
        double sum = 0;
        for (int c : classOf) {
            sum += p[c];
        }
        return sum / classOf.length;
    }

    double frameLossRatio(double ber) {
        double[] p = classFailure(ber);
        long unitBits = (long) codewordsPerUnit * FEC.messageBits();
        long frameBits = 8L * FRAME_BYTES;
        // ln P[unit survives] over one period of the codeword classes
        int unitsPerClassPeriod = lcm(classOf.length, codewordsPerUnit) / codewordsPerUnit;
        double[] lnUnit = new double[unitsPerClassPeriod];
        for (int u = 0; u < unitsPerClassPeriod; u++) {
            for (int i = 0; i < codewordsPerUnit; i++) {
                lnUnit[u] += Math.log1p(-Math.min(1, p[classOf[(u * codewordsPerUnit + i) % classOf.length]]));
            }
        }
        // one period of both the classes and the frame/unit alignment
        long unitsPerFramePeriod = frameBits / gcd(frameBits, unitBits);
        long units = (long) lcm(unitsPerClassPeriod, (int) unitsPerFramePeriod);
        long frames = units * unitBits / frameBits;
        double lost = 0;
        for (long f = 0; f < frames; f++) {
            long u0 = f * frameBits / unitBits;
            long u1 = (f * frameBits + frameBits - 1) / unitBits;
            double ln = 0;
            for (long u = u0; u <= u1; u++) {
                ln += lnUnit[(int) (u % unitsPerClassPeriod)];
            }
            lost += -Math.expm1(ln);
        }
        return lost / frames;
    }

    DatapathReport.Curve curve(String panel, String name, Variant variant, double[] ber) {
        double[] cw = new double[ber.length];
        double[] flr = new double[ber.length];
        for (int i = 0; i < ber.length; i++) {
            cw[i] = codewordFailure(ber[i]);
            flr[i] = frameLossRatio(ber[i]);
        }
        return new DatapathReport.Curve(panel, name, variant, ber, cw, flr);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int lcm(int a, int b) {
        return Math.toIntExact((long) a / gcd(a, b) * b);
    }
}
