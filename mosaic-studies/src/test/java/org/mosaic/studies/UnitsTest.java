package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Units#ofKey}: the unit a key's ending gives, only where the ending starts a word of the camel-case name. */
class UnitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "perEndWatts | W",
        "lostGpuHoursPerDay | GPU·h/d",     // not 1/d
        "fitPerEnd | FIT",                  // a unit then a subject: the beginning says it
        "kwPerRack | kW",
        "usdPerKwh | USD/kWh",              // a price per energy, not kWh
        "meanHoursBetweenLinkFailures | h",
        "fitness | 1",                      // the beginning must end a word too
        "powerKilowatts | kW",
        "itMegawatts | MW",
        "reachMeters | m",
        "lengthKm | km",
        "dieAreaMm2 | mm²",
        "lineRateBitsPerSecond | b/s",      // the longer ending first: not 1/s
        "eventsPerSecond | 1/s",
        "failuresPerDay | 1/d",
        "costPerYear | 1/yr",
        "campaignDays | d",
        "serviceYears | yr",
        "intervalSeconds | s",
        "mtbiHours | h",
        "lostGpuHours | GPU·h",            // not h
        "energyPicojoules | pJ",
        "energyJoules | J",
        "energyKwh | kWh",
        "marginDb | dB",
        "launchPowerDbm | dBm",             // not dB
        "sensitivityDBm | dBm",
        "bandwidthHz | Hz",
        "capexUsd | USD",
        "bufferBytes | B",
        "payloadBits | bit",
        "linkFit | FIT",
        "fit | FIT",                        // the whole name is a word
        "eyeWidthUi | UI",
        "sharePercent | %",
        "profit | 1",                       // 'fit' inside a word is not FIT
        "outfit | 1",
        "holidays | 1",                     // 'days' inside a word is not days
        "orbits | 1",
        "guidebooks | 1",
        "count | 1",
        "ettr | 1",
        "interruptionsPerCampaign | 1",
        "linkFailuresPerGpuHour | 1",       // no ending for 'per GPU-hour': a @Metric says it
    })
    void theEndingGivesTheUnit(String key, String unit) {
        assertThat(Units.ofKey(key.trim())).isEqualTo(unit.trim());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "latencyBudget[0].averagedLatencySeconds.value | s",   // a statistic of a quantity named for its unit
        "latencyBudget[].averagedLatencySeconds.lower95 | s",
        "interruptionsPerDay.links | 1/d",
        "power.breakdown[2].watts | W",                        // its own name first
        "channels.data | 1",
        "byTier.*.perEndWatts | W",
        "count | 1"})
    void aPathTakesItsOwnUnitElseItsParents(String path, String unit) {
        assertThat(Units.ofPath(path)).isEqualTo(unit);
    }
}
