package org.mosaic.cluster.fleet;

/**
 * The facility numbers that turn interconnect watts into energy, money and homes: PUE (facility / IT power),
 * the electricity price and the electricity of one household per year. Defaults: the {@code economics:} section of a cluster document ({@link ClusterDocument}).
 *
 * @param pue                  power usage effectiveness, ≥ 1
 * @param usdPerKwh            electricity price (USD per kWh), ≥ 0
 * @param householdKwhPerYear  one household's electricity per year (kWh), > 0
 * @param householdSource      where the household figure comes from (shown beside every homes-equivalent)
 */
public record FleetEconomics(double pue, double usdPerKwh, double householdKwhPerYear, String householdSource) {

    public FleetEconomics {
        if (!(pue >= 1 && pue < 10)) {
            throw new IllegalArgumentException("PUE " + pue + " — expected a facility/IT power ratio between 1 and 10"
                    + " (hint: 1.1-1.25 for liquid-cooled AI halls, 1.56 industry average; [uptime-pue], [pue-ranges], [aiinframap-power])");
        }
        if (!(usdPerKwh >= 0 && Double.isFinite(usdPerKwh))) {
            throw new IllegalArgumentException("electricity price " + usdPerKwh + " USD/kWh — expected a finite price >= 0, e.g. 0.078");
        }
        if (!(householdKwhPerYear > 0 && Double.isFinite(householdKwhPerYear))) {
            throw new IllegalArgumentException("household consumption " + householdKwhPerYear
                    + " kWh/yr — expected a positive finite energy, e.g. 2900");
        }
        if (householdSource == null || householdSource.isBlank()) {
            throw new IllegalArgumentException("household consumption " + householdKwhPerYear
                    + " kWh/yr without a source — expected where the figure comes from");
        }
    }

    /**
     * The economics of the default cluster document ({@value ClusterDocument#DEFAULT}: PUE 1.2, $0.078/kWh, 2,900 kWh
     * per household per year, each with its source in the document's provenance).
     */
    public static FleetEconomics defaults() {
        return ClusterDocument.preset(ClusterDocument.DEFAULT).economics();
    }

    /** The same economics with another PUE. */
    public FleetEconomics withPue(double newPue) {
        return new FleetEconomics(newPue, usdPerKwh, householdKwhPerYear, householdSource);
    }

    /** The same economics with another electricity price. */
    public FleetEconomics withUsdPerKwh(double price) {
        return new FleetEconomics(pue, price, householdKwhPerYear, householdSource);
    }

    /** Facility energy per year (kWh) of an IT load: watts × PUE × 8760 h / 1000. */
    public double facilityKwhPerYear(double itWatts) {
        return itWatts * pue * FleetDefaults.HOURS_PER_YEAR / 1000;
    }

    /** Cost per year (USD) of an IT load's facility energy. */
    public double costPerYearUsd(double itWatts) {
        return facilityKwhPerYear(itWatts) * usdPerKwh;
    }
}
