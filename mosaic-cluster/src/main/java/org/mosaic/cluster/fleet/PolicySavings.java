package org.mosaic.cluster.fleet;

import java.util.Locale;

/**
 * What moving a fleet from one policy to another saves: IT power, facility energy and money per year, homes
 * equivalent, and link failures avoided. Positive numbers are savings (the second policy uses less).
 *
 * <p>Facility energy saved = IT power saved × PUE × 8760 h; homes = energy saved / one household's energy per
 * year ({@link FleetEconomics#householdKwhPerYear()}, with its source in {@link #householdSource()}). Both
 * metrics must use the same economics and the same rest-of-IT load. When the two policies leave different
 * numbers of links unserved, the comparison is not like for like: {@link #note()} says so.
 *
 * @param from                      the reference policy
 * @param to                        the policy compared with it
 * @param powerSavedWatts           interconnect (= IT) power saved (W)
 * @param powerSavedMegawatts       the same in MW
 * @param energySavedMwhPerYear     facility energy saved per year (MWh)
 * @param costSavedUsdPerYear       electricity cost saved per year (USD)
 * @param homesEquivalent           energy saved / household energy per year
 * @param householdKwhPerYear       the household figure used (kWh/yr)
 * @param householdSource           its source
 * @param linkFailuresPerDayAvoided expected link failures per day avoided
 * @param failureRatio              failures per day of {@code from} / of {@code to} (null when {@code to} has none)
 * @param note                      empty, or why the comparison is not like for like
 */
public record PolicySavings(String from, String to, double powerSavedWatts, double powerSavedMegawatts, double energySavedMwhPerYear,
                            double costSavedUsdPerYear, double homesEquivalent, double householdKwhPerYear, String householdSource,
                            double linkFailuresPerDayAvoided, Double failureRatio, String note) {

    /** The savings of {@code to} against {@code from}, both evaluated with {@code economics}. */
    public static PolicySavings between(FleetMetrics from, FleetMetrics to, FleetEconomics economics) {
        if (from == null || to == null || economics == null) {
            throw new IllegalArgumentException("two fleet metrics and the economics are required");
        }
        if (from.pue() != economics.pue() || to.pue() != economics.pue() || from.usdPerKwh() != economics.usdPerKwh()
                || to.usdPerKwh() != economics.usdPerKwh()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "metrics of %s (PUE %s, $%s/kWh) and %s (PUE %s, $%s/kWh) differ from the economics (PUE %s, $%s/kWh)"
                            + " — expected both evaluated with the same economics", from.policy(), from.pue(), from.usdPerKwh(),
                    to.policy(), to.pue(), to.usdPerKwh(), economics.pue(), economics.usdPerKwh()));
        }
        if (from.otherItPowerWatts() != to.otherItPowerWatts()) {
            throw new IllegalArgumentException("metrics of " + from.policy() + " and " + to.policy() + " have different IT loads besides"
                    + " the interconnect (" + from.otherItPowerWatts() + " W vs " + to.otherItPowerWatts()
                    + " W) — expected the same cluster under two policies");
        }
        double watts = from.interconnectPowerWatts() - to.interconnectPowerWatts();
        double kwh = economics.facilityKwhPerYear(watts);
        double avoided = from.linkFailuresPerDay() - to.linkFailuresPerDay();
        Double ratio = to.linkFailuresPerDay() > 0 ? from.linkFailuresPerDay() / to.linkFailuresPerDay() : null;
        String note = from.unservedLinks() == to.unservedLinks() && from.links() == to.links() ? ""
                : String.format(Locale.ROOT, "not like for like: %s serves %d links (%d unserved), %s serves %d (%d unserved);"
                        + " unserved links add no power or failures", from.policy(), from.links(), from.unservedLinks(), to.policy(),
                to.links(), to.unservedLinks());
        return new PolicySavings(from.policy(), to.policy(), watts, watts / 1e6, kwh / 1000, kwh * economics.usdPerKwh(),
                kwh / economics.householdKwhPerYear(), economics.householdKwhPerYear(), economics.householdSource(), avoided, ratio, note);
    }
}
