package org.mosaic.link.reliability;

import java.util.List;
import java.util.Objects;

/**
 * What the reliability model of one cable needs (immutable, validated here).
 *
 * <p>Structure: {@code directions} (2 = full duplex) identical channel groups, each a k-out-of-n group with
 * n = data + parity + spare channels and k = data + parity (parity channels carry the host's data protection
 * and are needed; spares are not). A channel is its transmit parts at one end and receive parts at the other,
 * listed together in {@code channelParts} (series: the channel fails when any part fails). Each of the two ends
 * carries {@code endParts} (gearbox ASIC, host SerDes, clocking, regulator, connector …) and the cable carries
 * {@code cableParts} once (the fibre); all of these are common-mode parts in series with the groups.
 *
 * <p>Both ends run their parts at the temperatures given in the parts (a symmetric cable), so the directions
 * are statistically identical. See {@link CableReliability} for the remapping policy and the results.
 *
 * @param serviceLifeHours the service life T over which FIT and AFR are averaged, hours
 * @param curvePoints      number of points of the R(t) curve over [0, T] and of the exhaustion CDF
 */
public record CableReliabilitySpec(int dataChannels, int parityChannels, int spareChannels, int directions,
                                   List<Part> channelParts, List<Part> endParts, List<Part> cableParts,
                                   double serviceLifeHours, int curvePoints) {
    /** Points of the curves unless set otherwise. */
    public static final int DEFAULT_CURVE_POINTS = 51;
    /** Ends of a cable. */
    public static final int ENDS = 2;
    /** Longest accepted service life: 1e7 h ≈ 1141 years (a bound against unit mix-ups). */
    static final double MAX_SERVICE_LIFE_HOURS = 1e7;

    public CableReliabilitySpec {
        if (dataChannels < 1) {
            throw new IllegalArgumentException("data channels = " + dataChannels + " — expected at least 1 per direction; "
                    + "hint: 800G over 2 Gb/s channels needs 400");
        }
        if (parityChannels < 0) {
            throw new IllegalArgumentException("parity channels = " + parityChannels + " — expected 0 or more per direction");
        }
        if (spareChannels < 0) {
            throw new IllegalArgumentException("spare channels = " + spareChannels + " — expected 0 or more per direction");
        }
        if ((long) dataChannels + parityChannels + spareChannels > KOutOfN.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels per direction = " + ((long) dataChannels + parityChannels
                    + spareChannels) + " — expected at most " + KOutOfN.MAX_CHANNELS);
        }
        if (directions != 1 && directions != 2) {
            throw new IllegalArgumentException("directions = " + directions + " — expected 1 (simplex) or 2 (full duplex)");
        }
        channelParts = List.copyOf(Objects.requireNonNull(channelParts, "channel parts are null — expected a list"));
        endParts = List.copyOf(Objects.requireNonNull(endParts, "end parts are null — expected a list (may be empty)"));
        cableParts = List.copyOf(Objects.requireNonNull(cableParts, "cable parts are null — expected a list (may be empty)"));
        if (channelParts.isEmpty()) {
            throw new IllegalArgumentException("channel parts are empty — expected at least one part per channel "
                    + "(e.g. microLED, driver, photodiode, TIA)");
        }
        if (!(serviceLifeHours > 0 && serviceLifeHours <= MAX_SERVICE_LIFE_HOURS)) {
            throw new IllegalArgumentException("service life " + serviceLifeHours + " h — expected more than 0 and at "
                    + "most " + MAX_SERVICE_LIFE_HOURS + " h; hint: 5 years = 43800 h");
        }
        if (curvePoints < 2 || curvePoints > 100_000) {
            throw new IllegalArgumentException("curve points = " + curvePoints + " — expected 2 to 100000");
        }
        boolean anyHazard = false;
        for (List<Part> list : List.of(channelParts, endParts, cableParts)) {
            for (Part p : list) {
                anyHazard |= p.component().fitAtReference() > 0 || p.component().hasWearOut();
            }
        }
        if (!anyHazard) {
            throw new IllegalArgumentException("no part can fail: every FIT is 0 and no part has a wear-out — the "
                    + "cable would never fail (infinite MTTF); give at least one part a FIT > 0");
        }
    }

    /** A spec with the default number of curve points. */
    public static CableReliabilitySpec of(int dataChannels, int parityChannels, int spareChannels, int directions,
                                          List<Part> channelParts, List<Part> endParts, List<Part> cableParts,
                                          double serviceLifeHours) {
        return new CableReliabilitySpec(dataChannels, parityChannels, spareChannels, directions, channelParts,
                endParts, cableParts, serviceLifeHours, DEFAULT_CURVE_POINTS);
    }

    /** n: every channel of one direction. */
    public int totalChannels() {
        return dataChannels + parityChannels + spareChannels;
    }

    /** k: the channels one direction needs (data + parity). */
    public int neededChannels() {
        return dataChannels + parityChannels;
    }

    public double serviceYears() {
        return serviceLifeHours / FitConversions.HOURS_PER_YEAR;
    }

    /** The same cable without spare channels (k-of-k), for the with/without comparison. */
    public CableReliabilitySpec withoutSpares() {
        return withSpareChannels(0);
    }

    public CableReliabilitySpec withSpareChannels(int spares) {
        return new CableReliabilitySpec(dataChannels, parityChannels, spares, directions, channelParts, endParts,
                cableParts, serviceLifeHours, curvePoints);
    }

    public CableReliabilitySpec withServiceLifeHours(double hours) {
        return new CableReliabilitySpec(dataChannels, parityChannels, spareChannels, directions, channelParts, endParts,
                cableParts, hours, curvePoints);
    }

    public CableReliabilitySpec withCurvePoints(int points) {
        return new CableReliabilitySpec(dataChannels, parityChannels, spareChannels, directions, channelParts, endParts,
                cableParts, serviceLifeHours, points);
    }

    /** Every part (channel, end and cable parts) moved to one operating temperature. */
    public CableReliabilitySpec atKelvin(double kelvin) {
        return new CableReliabilitySpec(dataChannels, parityChannels, spareChannels, directions,
                channelParts.stream().map(p -> p.atKelvin(kelvin)).toList(),
                endParts.stream().map(p -> p.atKelvin(kelvin)).toList(),
                cableParts.stream().map(p -> p.atKelvin(kelvin)).toList(), serviceLifeHours, curvePoints);
    }
}
