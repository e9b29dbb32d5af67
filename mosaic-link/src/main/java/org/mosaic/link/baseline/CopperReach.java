package org.mosaic.link.baseline;

/**
 * How a copper cable's reach is computed by the {@link TwinaxModel}: its wire gauge, what is in its
 * plugs, and for a linear redriver the extra loss it makes up at f_Nyquist.
 *
 * @param gauge          a gauge name the model knows, e.g. {@code 26AWG}
 * @param equalisation   passive, redriver or retimer
 * @param redriverGainDb extra loss the redriver makes up (dB); must be 0 unless the equalisation is a redriver
 */
public record CopperReach(String gauge, Equalisation equalisation, double redriverGainDb) {

    public CopperReach {
        if (gauge == null || gauge.isBlank()) {
            throw new IllegalArgumentException("copper reach without a gauge — expected a gauge name such as 26AWG");
        }
        if (equalisation == null) {
            throw new IllegalArgumentException("copper reach (" + gauge + ") without equalisation — expected passive, redriver or retimer");
        }
        if (!(redriverGainDb >= 0 && Double.isFinite(redriverGainDb))) {
            throw new IllegalArgumentException("redriver gain " + redriverGainDb + " dB — expected a finite gain >= 0 dB");
        }
        if (equalisation != Equalisation.REDRIVER && redriverGainDb != 0) {
            throw new IllegalArgumentException("redriver gain " + redriverGainDb + " dB given for a " + equalisation.id()
                    + " cable — expected 0 (hint: only equalisation redriver takes a gain)");
        }
    }

    public static CopperReach passive(String gauge) {
        return new CopperReach(gauge, Equalisation.PASSIVE, 0);
    }

    /** E.g. "26AWG, redriver +7.0 dB". */
    public String describe() {
        return gauge + ", " + equalisation.id()
                + (equalisation == Equalisation.REDRIVER ? String.format(java.util.Locale.ROOT, " +%.1f dB", redriverGainDb) : "");
    }
}
