package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** emulate: every option honoured or refused (issue 12). Runs are kept tiny; refusals happen before any work. */
class EmulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli refused(String... args) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(String.join(" ", args) + ": " + c.out() + c.err()).isEqualTo(Main.USAGE);
        assertThat(c.noStackTrace()).as(c.err()).isTrue();
        return c;
    }

    private static JsonNode json(String... args) throws Exception {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    @Test
    void theBerMonitorRemapsADegradingChannelInTheJsonAndTheTable_issue17() throws Exception {
        String[] args = {"emulate", "--ber", "1e-6", "--codewords", "40000", "--fail", "42@30us:ber=1e-3", "--monitor", "1e-4:50us"};
        Cli table = Cli.run(args);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("BER monitor").contains("1 channel(s) remapped").contains("channel 42")
                .contains("from 30");
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 2);
        withJson[args.length] = "--format";
        withJson[args.length + 1] = "json";
        JsonNode j = json(withJson);
        JsonNode remap = j.path("berMonitor").path("remapped").get(0);
        assertThat(remap.path("logicalChannel").asInt()).isEqualTo(42);
        assertThat(remap.path("switchSeconds").asDouble()).isCloseTo(50e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(j.path("berMonitor").path("thresholdBer").asDouble()).isEqualTo(1e-4);
        // off: no key at all (the existing outputs are unchanged)
        assertThat(json("emulate", "--ber", "1e-6", "--codewords", "200", "--format", "json").has("berMonitor")).isFalse();
    }

    @Test
    void badMonitorSettingsAreRefused_issue17() {
        assertThat(refused("emulate", "--ber", "1e-6", "--monitor", "1e-4").err()).contains("--monitor \"1e-4\"")
                .contains("THRESHOLD:WINDOW").contains("hint");
        assertThat(refused("emulate", "--ber", "1e-6", "--monitor", "0.7:100us").err()).contains("0.7").contains("at most 0.5");
        assertThat(refused("emulate", "--ber", "1e-6", "--monitor", "1e-4:10ns", "--codewords", "200").err())
                .contains("berMonitor.window").contains("hint");
        assertThat(refused("emulate", "--ber", "1e-6", "--fail", "3@1us:ber=2", "--codewords", "200").err()).contains("ber=2")
                .contains("0 to 0.5");
        assertThat(refused("emulate", "--ber", "1e-6", "--fail", "3@1us:worn", "--codewords", "200").err()).contains("worn")
                .contains("ber=BER");
    }

    @Test
    void aFailureAfterTheEndOfTheRunIsRefused_issue12() {
        Cli c = refused("emulate", "--ber", "1e-4", "--fail", "17@2ms", "--duration", "1ms");
        assertThat(c.err()).contains("17@2ms").contains("2 ms").contains("--duration 1ms").contains("after the end of the run");
        // the default run (1,000,000 codewords ≈ 6.4 ms) too
        assertThat(refused("emulate", "--ber", "1e-4", "--fail", "17@7ms").err()).contains("6.4").contains("1,000,000 codewords");
    }

    @Test
    void aZeroOrNegativeDurationIsRefused_issue12() {
        assertThat(refused("emulate", "--ber", "1e-4", "--duration", "0s").err()).contains("--duration").contains("0s")
                .contains("positive");
        assertThat(refused("emulate", "--ber", "1e-4", "--duration", "-1ms").err()).contains("-1ms");
        assertThat(refused("emulate", "--ber", "1e-4", "--codewords", "0").err()).contains("--codewords 0");
    }

    @Test
    void degenerateFailuresAreRefused_issue12() {
        assertThat(refused("emulate", "--ber", "1e-4", "--fail", "420@1us").err()).contains("channel 420").contains("0 to 419");
        assertThat(refused("emulate", "--ber", "1e-4", "--fail", "17@1us", "--fail", "17@2us").err()).contains("channel 17")
                .contains("already fails");
        assertThat(refused("emulate", "--ber", "1e-4", "--dead-channels", "1", "--fail", "0@1us").err()).contains("--dead-channels 1");
        assertThat(refused("emulate", "--ber", "1e-4", "--detect", "5us").err()).contains("--detect").contains("nothing to detect");
        assertThat(refused("emulate", "--ber", "1e-4", "--frame-bytes", "0").err()).contains("--frame-bytes 0");
    }

    @Test
    void workAboveTheEnginesLimitIsRefusedUnlessAskedFor_issue12() {
        assertThat(refused("emulate", "--ber", "1e-4", "--codewords", "1000000000").err()).contains("1,000,000,000")
                .contains("--long-run");
        assertThat(refused("emulate", "--ber", "1e-4", "--duration", "1000s").err()).contains("--duration 1000s");
        assertThat(refused("emulate", "--ber", "1e-4", "--engine", "bit-exact", "--codewords", "2000000").err()).contains("bit-exact");
        // a duration too long to count in codewords is refused, not overflowed
        assertThat(refused("emulate", "--ber", "1e-4", "--duration", "1e30s", "--long-run").err()).contains("expected at most");
    }

    @Test
    void setsTheEmulationDoesNotUseAreRefused_issue12() {
        assertThat(refused("emulate", "--ber", "1e-3", "--set", "fiber.length=30m").err()).contains("fiber.length=30m")
                .contains("--ber model");
        assertThat(refused("emulate", "--ber", "1e-3", "--set", "power.clocking=1W").err()).contains("power.clocking")
                .contains("no effect");
        assertThat(refused("emulate", "--ber", "1e-3", "--set", "host.attachment=cpo").err()).contains("host.attachment");
    }

    @Test
    void setsTheEmulationUsesAreHonoured_issue12() throws Exception {
        JsonNode j = json("emulate", "--ber", "1e-3", "--set", "plan.spares=10", "--codewords", "200", "--format", "json");
        assertThat(j.path("preFecBerPerChannel").size()).isEqualTo(400);
        // the same value as the preset's is honoured, not refused
        Cli same = Cli.run("emulate", "--ber", "1e-3", "--set", "link.channelRate=2.125 Gb/s", "--codewords", "200");
        assertThat(same.exit()).as(same.err()).isZero();
    }

    @Test
    void theImportanceEngineHonoursFailures_issue12() throws Exception {
        String[] common = {"emulate", "--ber", "1e-3", "--engine", "importance", "--codewords", "20000", "--format", "json"};
        JsonNode none = json(common);
        JsonNode failed = json(concat(common, "--fail", "17@10us", "--detect", "50us"));
        assertThat(failed.path("failovers").size()).isEqualTo(1);
        double a = none.path("codewordFailureRatio").path("value").asDouble();
        double b = failed.path("codewordFailureRatio").path("value").asDouble();
        double bLow = failed.path("codewordFailureRatio").path("ciLow").asDouble();
        double aHigh = none.path("codewordFailureRatio").path("ciHigh").asDouble();
        assertThat(bLow).as("with a dead channel for 50 us of 124 us: %s vs %s", b, a).isGreaterThan(aHigh);
    }

    @Test
    void helpNamesTheDefaultPresetTheCodeUses_issue12() {
        for (String cmd : new String[] {"emulate", "link"}) {
            String help = Cli.run(cmd, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(cmd).contains("(default: " + LinkCommand.DEFAULT_PRESET + ")");
        }
        assertThat(Cli.run("optics", "--help").out().replaceAll("\\s+", " ")).contains("(default: " + ScenarioOptions.defaultPreset() + ")");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Issue 17: --dealing. One dead channel, no other errors, bit mapping, 4,000 codewords inside a 1 s detection
     * window: under single-symbol dealing (default) it puts 27–28 symbols of two of a block's four codewords at risk,
     * each wrong with probability ½, so half the codewords are clean and many fail (P[Bin(27, ½) &gt; 15] ≈ 0.22); under
     * unit dealing 13–14 symbols of every codeword, below t = 15, so none fails (deterministic). The same through
     * {@code run emulate --set dealing=...}.
     */
    @Test
    void dealingOptionChangesWhatADeadChannelCostsTheBitMapping_issue17() throws Exception {
        String[] base = {"emulate", "--mapping", "bit", "--ber", "0", "--dead-channels", "1", "--detect", "1s", "--codewords", "4000",
                "--format", "json"};
        JsonNode def = json(base);
        assertThat(def.path("pcsDealing").asText()).isEqualTo("symbols");
        assertThat(def.path("symbolErrorsPerCodeword").get(0).asLong()).isEqualTo(2000);
        assertThat(def.path("uncorrectableCodewords").asLong() + def.path("miscorrectedCodewords").asLong()).isGreaterThan(100);
        String[] units = java.util.Arrays.copyOf(base, base.length + 2);
        units[base.length] = "--dealing";
        units[base.length + 1] = "units";
        JsonNode u = json(units);
        assertThat(u.path("pcsDealing").asText()).isEqualTo("units");
        assertThat(u.path("uncorrectableCodewords").asLong() + u.path("miscorrectedCodewords").asLong()).isZero();
        JsonNode run = json("run", "emulate", "--set", "mapping=bit", "--set", "ber=0", "--set", "deadChannels=1", "--set", "detect=1s",
                "--set", "codewords=4000", "--set", "dealing=units");
        assertThat(run.path("pcsDealing").asText()).isEqualTo("units");
        assertThat(run.path("uncorrectableCodewords").asLong()).isZero();
    }

    @Test
    void anUnknownDealingIsRefused_issue17() {
        assertThat(refused("emulate", "--ber", "1e-4", "--codewords", "200", "--dealing", "bytes").err()).contains("--dealing \"bytes\"")
                .contains("expected symbols or units").contains("hint");
    }
}
