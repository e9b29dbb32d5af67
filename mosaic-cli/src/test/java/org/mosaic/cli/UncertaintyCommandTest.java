package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mosaic uncertainty} and {@code mosaic sensitivity} (issue 19): the studies through the CLI, refusals exit 2. */
class UncertaintyCommandTest {
    @Test
    void uncertaintyPrintsQuantilesAndIsReproducible() {
        String[] args = {"uncertainty", "cable", "--inputs", "cable.power.control,cable.power.clocking",
                "--metric", "power.perEndWatts", "--samples", "16", "--seed", "3", "--format", "json"};
        Cli a = Cli.run(args);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("\"p95\"").contains("power.perEndWatts");
        assertThat(Cli.run(args).out()).isEqualTo(a.out());
        Cli table = Cli.run("uncertainty", "cable", "--inputs", "cable.power.control", "--metric", "power.perEndWatts",
                "--samples", "8");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("P5").contains("P95").contains("power.perEndWatts");
    }

    @Test
    void sensitivityPrintsTheTornado() {
        Cli c = Cli.run("sensitivity", "cable", "--metric", "power.perEndWatts", "--samples", "0",
                "--inputs", "cable.power.control,cable.led.averagePower");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().filter(l -> l.contains("cable.")).findFirst().orElseThrow())
                .contains("cable.led.averagePower");
    }

    @Test
    void badRequestsExitTwoWithAMessage() {
        Cli c = Cli.run("uncertainty", "cable", "--metric", "power.perEnd", "--samples", "8");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("power.perEnd").doesNotContain("Exception");
        Cli s = Cli.run("sensitivity", "nope", "--metric", "x");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("nope");
    }
}
