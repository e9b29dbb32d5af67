package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@link Declarations}: inputs from {@link In} (every component described, types by Java type), metrics from a result's
 * types walked as Jackson serialises them (nested records, lists, maps, Optional, renamed, ignored and unwrapped components),
 * with units from {@link Metric} (also for the numbers beneath a component), else from the name. The metrics are checked
 * against the JSON Jackson writes for an instance: the same paths, in the same order.
 */
class DeclarationsTest {

    enum Mode { FAST, EXACT }

    record Options(
            @In(value = "Cable length.", unit = "m", range = "0.1..1000", defaultValue = "30 m") double lengthMeters,
            @In(value = "Trials.", unit = "1", range = "2..1000", defaultValue = "200") int trials,
            @In(value = "Seed.", unit = "1", defaultValue = "0") long seed,
            @In(value = "Job size.", unit = "1") Long gpus,
            @In(value = "Spares on.", defaultValue = "true") boolean spares,
            @In(value = "Engine.", range = "fast|exact", defaultValue = "fast") Mode mode,
            @In(value = "Policies.", defaultValue = "today") List<String> policies,
            @In(value = "Rules by tier.") Map<String, String> rules,
            @In(value = "Label.") String label,
            @In(value = "The cable.", document = "cable", defaultValue = "mosaic-800g") Object cable,
            @In(value = "Bound.", unit = "W") OptionalDouble bound) {
    }

    record Undescribed(@In("Described.") int a, int b) {
    }

    record Header(@Metric(unit = "1", value = "GPUs of the job.") int gpus, double days) {
    }

    record Band(double mean, double upper, double widthHours) {
    }

    record Tier(String name, double reachMeters, @Metric(unit = "FIT", value = "Failures in time per link.") double linkFit) {
    }

    record Result(
            @JsonUnwrapped Header header,
            String label,
            double perEndWatts,
            boolean closes,
            List<Tier> tiers,
            @Metric(unit = "1/d", value = "Failures per day of one tier.") Map<String, Double> byTier,
            Optional<Double> marginDb,
            @JsonProperty("intervalSeconds") double interval,
            @JsonIgnore double hidden,
            @Metric(unit = "GPU·h/d", value = "Lost GPU-hours per day.") Band lost,
            List<Double> samplesDb) {
    }

    @Test
    void inputsAreReadFromTheirInAnnotationsInOrder() {
        List<InputSpec> in = Declarations.inputs(Options.class);
        assertThat(in).extracting(InputSpec::name).containsExactly("lengthMeters", "trials", "seed", "gpus", "spares", "mode", "policies",
                "rules", "label", "cable", "bound");
        assertThat(in).extracting(InputSpec::type).containsExactly("number", "integer", "integer", "integer", "flag", "choice", "list",
                "list", "text", "document (cable)", "number");
        assertThat(in.get(0)).isEqualTo(new InputSpec("lengthMeters", "number", "m", "0.1..1000", "30 m", "Cable length."));
        assertThat(in.get(5)).isEqualTo(new InputSpec("mode", "choice", "", "fast|exact", "fast", "Engine."));
    }

    @Test
    void anInputWithoutInIsRefusedByName() {
        assertThatThrownBy(() -> Declarations.inputs(Undescribed.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Undescribed.b").hasMessageContaining("@In");
    }

    @Test
    void metricsFollowTheJsonWithTheirUnits() {
        List<MetricSpec> m = Declarations.metrics(Result.class);
        assertThat(m).containsExactly(
                new MetricSpec("gpus", "1", "GPUs of the job."),               // unwrapped: at the top
                new MetricSpec("days", "d", ""),                                // unit from the name
                new MetricSpec("perEndWatts", "W", ""),
                new MetricSpec("closes", "bool", ""),
                new MetricSpec("tiers[].reachMeters", "m", ""),                 // a list of records: [] for every element
                new MetricSpec("tiers[].linkFit", "FIT", "Failures in time per link."),
                new MetricSpec("byTier.*", "1/d", "Failures per day of one tier."),   // a map: * for every key
                new MetricSpec("marginDb", "dB", ""),                           // Optional: its content
                new MetricSpec("intervalSeconds", "s", ""),                     // @JsonProperty's name, and its unit
                new MetricSpec("lost.mean", "GPU·h/d", "Lost GPU-hours per day."),   // the component's @Metric holds beneath it
                new MetricSpec("lost.upper", "GPU·h/d", "Lost GPU-hours per day."),
                new MetricSpec("lost.widthHours", "h", "Lost GPU-hours per day."),   // ... unless the name gives a unit
                new MetricSpec("samplesDb[]", "dB", ""));                       // a list of numbers
        // text is no metric, and @JsonIgnore hides 'hidden'
        assertThat(m).extracting(MetricSpec::path).doesNotContain("label", "hidden", "tiers[].name", "header.gpus");
    }

    @Test
    void theDeclaredPathsAreThePathsJacksonWrites() {
        Result r = new Result(new Header(8, 54), "x", 2.5, true, List.of(new Tier("gpu-leaf", 30, 10), new Tier("leaf-spine", 500, 20)),
                Map.of("gpu-leaf", 0.4), Optional.of(3.0), 450, 7, new Band(1, 2, 3), List.of(1.0, 2.0));
        List<String> declared = Declarations.metrics(Result.class).stream().map(MetricSpec::path).toList();
        List<String> written = Results.rows(r, List.of()).stream().map(row -> Results.pattern(row.name()).replace("byTier.gpu-leaf", "byTier.*"))
                .distinct().toList();
        assertThat(written).isEqualTo(declared);
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"scratch"})
    record Partly(double keptWatts, double scratch) {
    }

    record Holder(Partly a, @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"keptWatts"}) Partly b) {
    }

    @Test
    void keysJacksonIgnoresAreNoMetrics() throws Exception {
        assertThat(Declarations.metrics(Holder.class)).extracting(MetricSpec::path).containsExactly("a.keptWatts");
        com.fasterxml.jackson.databind.JsonNode json = Results.tree(new Holder(new Partly(1, 2), new Partly(3, 4)));
        assertThat(json.toString()).isEqualTo("{\"a\":{\"keptWatts\":1.0},\"b\":{}}");
    }
}
