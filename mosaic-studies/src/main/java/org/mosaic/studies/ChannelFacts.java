package org.mosaic.studies;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;

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
        f.add(new Fact("CTLE peaking", Output.db(r.ctlePeakingDb())));
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
        f.add(new Fact("margin at BER target", Output.db(r.marginDb())));
        f.add(new Fact("reach at BER target", reach(r)));
        f.add(new Fact("max rate at this length", Output.si(r.maxRateBitsPerSecond(), Dimension.DATA_RATE)));
        return f;
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
            rows.add(List.of(b.item(), "dBm".equals(b.unit()) ? Output.dbm(b.db()) : Output.db(b.db())));
        }
        return rows;
    }
}
