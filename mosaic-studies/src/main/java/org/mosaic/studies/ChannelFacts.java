package org.mosaic.studies;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ArrayReach;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;

/** A channel result as human-readable rows (quantity, value with its unit), for the table output and the report. */
public final class ChannelFacts {
    /** One line: what it is, and its value with the unit. */
    public record Fact(String label, String value) {
    }

    private ChannelFacts() {
    }

    public static List<Fact> of(ChannelResult r) {
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("seed", Long.toString(r.seed())));
        f.add(new Fact("channel rate", Output.si(r.channelRateBitsPerSecond(), Dimension.DATA_RATE)));
        f.add(new Fact("fibre length", Output.si(r.fiberLengthMeters(), Dimension.LENGTH)));
        f.add(new Fact("wavelength", Output.si(r.wavelengthMeters(), Dimension.LENGTH)));
        f.add(new Fact("spectral width (FWHM)", Output.si(r.spectralWidthMeters(), Dimension.LENGTH)));
        f.add(new Fact("chromatic dispersion (Sellmeier, fused silica)", Output.number(r.dispersionPsPerNmKm(), 4) + " ps/(nm·km)"));
        f.add(new Fact("group index", Output.number(r.groupIndex(), 5)));
        f.add(new Fact("pulse spread, chromatic (rms)", Output.si(r.sigmaChromaticSeconds(), Dimension.TIME)));
        f.add(new Fact("pulse spread, modal (rms)", Output.si(r.sigmaModalSeconds(), Dimension.TIME)));
        f.add(new Fact("microLED bandwidth (electrical 3 dB)", Output.si(r.ledBandwidthHz(), Dimension.FREQUENCY)));
        f.add(new Fact("channels", r.channels() + " channels"));
        f.add(new Fact("fibre cores per channel", Output.number(r.coresPerChannel(), 3) + " cores"));
        f.add(new Fact("fibre cores used / available", r.coresUsed() + " / " + r.fiberCores() + " cores"));
        ChannelResult.Coupling c = r.coupling();
        if (c != null) {
            f.add(new Fact("coupling: magnification (spot / emitter)", Output.number(c.magnification(), 3) + "×"));
            f.add(new Fact("coupling: efficiency" + (c.etendueLimited() ? " (étendue-capped)" : ""),
                    Output.percent(c.efficiency()) + " (étendue cap " + Output.percent(c.etendueLimit()) + ")"));
            f.add(new Fact("coupling: NA collected / launched", Output.number(c.collectedNumericalAperture(), 3) + " / "
                    + Output.number(c.launchNumericalAperture(), 3)));
        }
        ChannelResult.Modes m = r.modes();
        if (m != null) {
            boolean derived = "modes".equals(m.modalBandwidthSource());
            f.add(new Fact("fibre modes: lit / guided (V = " + Output.number(m.vNumber(), 3) + ")",
                    (derived ? m.excitedModes() + " / " : "all assumed lit / ") + m.guidedModes() + " modes"));
            f.add(new Fact("modal bandwidth-length product" + (derived ? " (derived from the modes)" : " (override fiber.modalBandwidth)"),
                    Output.number(m.modalBandwidthLengthHzMeters() / 1e9, 3) + " GHz·m"));
        }
        f.add(new Fact("CTLE peaking (zero / pole ratio)", Output.db(r.ctlePeakingDb())));
        if (r.ctle() != null) {
            f.add(new Fact("CTLE boost (max |H| / |H(0)|) / gain at Nyquist", r.ctle().enabled()
                    ? Output.db(r.ctle().boostDb()) + " / " + Output.db(r.ctle().nyquistGainDb()) : "off"));
        }
        f.add(new Fact("BER target", Output.ber(r.berTarget())));
        f.add(new Fact("BER over the array: median", Output.ber(r.ber().median())));
        f.add(new Fact("BER over the array: mean", Output.ber(r.ber().mean())));
        f.add(new Fact("BER over the array: worst", Output.ber(r.ber().worst())));
        f.add(new Fact("BER over the array: best", Output.ber(r.ber().best())));
        f.add(new Fact("BER of the nominal channel", Output.ber(r.nominalBer())));
        f.add(new Fact("Q factor (nominal channel)", Output.number(r.qFactor(), 3)));
        f.add(new Fact("eye height at BER target", Output.percent(r.eyeHeightFraction()) + " of OMA"));
        f.add(new Fact("eye width at BER target", Output.number(r.eyeWidthUi(), 3) + " UI"));
        f.add(new Fact("received average power", Output.dbm(r.receivedAveragePowerDbm())));
        f.add(new Fact("received OMA", Output.dbm(r.receivedOmaDbm())));
        f.add(new Fact("sensitivity (OMA) with ISI and crosstalk", Output.dbm(r.sensitivityOmaDbm())));
        f.add(new Fact("sensitivity (OMA), noise only", Output.dbm(r.noiseOnlySensitivityOmaDbm())));
        f.add(new Fact("ISI + crosstalk penalty", Output.db(r.isiCrosstalkPenaltyDb())));
        f.add(new Fact("margin at BER target", Output.margin(r.marginDb())));
        f.add(new Fact("reach at BER target (" + reachDefinition(r) + ")", reach(r)));
        f.add(new Fact("max rate at this length", Output.si(r.maxRateBitsPerSecond(), Dimension.DATA_RATE)));
        return f;
    }

    /** One definition of the array's reach: its name, reach and margin, and whether the design is judged on it. */
    public record ReachRow(String definition, String reach, String margin, boolean target) {
    }

    /**
     * The array's reach and margin under each definition (nominal channel, mean BER, k-th worst), the design's target
     * marked; empty when the result was computed without them.
     */
    public static List<ReachRow> arrayReach(ChannelResult r) {
        ArrayReach a = r.arrayReach();
        if (a == null) {
            return List.of();
        }
        List<ReachRow> rows = new ArrayList<>();
        rows.add(new ReachRow(new ChannelSpec.ReachTarget("nominal", 0).describe(), reach(a.nominalReachMeters(), false),
                margin(a.nominalMarginDb()), "nominal".equals(a.target())));
        rows.add(new ReachRow(new ChannelSpec.ReachTarget("mean", 0).describe() + " (" + Output.ber(a.meanBer()) + " here)",
                reach(a.meanBerReachMeters(), false), margin(a.meanBerMarginDb()), "mean".equals(a.target())));
        rows.add(new ReachRow(new ChannelSpec.ReachTarget("kth-worst", a.coveredChannels()).describe() + " ("
                + Output.ber(a.kthWorstBer()) + " here)", reach(a.kthWorstReachMeters(), false), margin(a.kthWorstMarginDb()),
                "kth-worst".equals(a.target())));
        return rows;
    }

    /** The definition the design's reach is judged on, in words ("array's mean BER"); "nominal channel" without it. */
    public static String reachDefinition(ChannelResult r) {
        ArrayReach a = r.arrayReach();
        return a == null ? "nominal channel" : new ChannelSpec.ReachTarget(a.target(), a.coveredChannels()).describe();
    }

    private static String margin(double db) {
        return Output.margin(db);
    }

    /** The reach with its unit; says so when it is beyond the search range or below it. */
    public static String reach(ChannelResult r) {
        return reach(r.reachMeters(), r.reachBeyondSearchRange());
    }

    public static String reach(double meters, boolean beyond) {
        if (beyond || meters >= ChannelAnalysis.MAX_LENGTH) {
            return "> " + Output.meters(ChannelAnalysis.MAX_LENGTH);
        }
        // the solver returns the bottom of its range (up to rounding: 0.010000000000000004) when no length closes
        if (meters <= ChannelAnalysis.MIN_LENGTH * (1 + 1e-9)) {
            return "< " + Output.si(ChannelAnalysis.MIN_LENGTH, Dimension.LENGTH) + " (target missed at any length)";
        }
        return Output.meters(meters);
    }

    /** The budget as table rows: item, value with unit (dBm for levels, dB for gains and losses). */
    public static List<List<String>> budget(ChannelResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (ChannelResult.BudgetItem b : r.budget()) {
            rows.add(List.of(b.item(), "dBm".equals(b.unit()) ? Output.dbm(b.db())
                    : "margin".equals(b.item()) ? Output.margin(b.db()) : Output.db(b.db())));
        }
        return rows;
    }
}
