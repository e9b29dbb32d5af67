package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;

/**
 * {@code mosaic studies}: every registered study listed with its question; one study's inputs and metrics as a table and as
 * JSON (the declaration read from its types); an unknown name refused with the closest one; and every registered study's
 * declaration readable: every input described, metric paths unique and with units.
 */
class StudiesCommandTest {

    @Test
    void theListNamesEveryRegisteredStudyWithItsQuestion() {
        assertThat(Studies.all()).isNotEmpty();
        Cli c = Cli.run("studies");
        assertThat(c.exit()).as(c.err()).isZero();
        for (Study<?, ?> s : Studies.all()) {
            assertThat(c.out()).contains(s.name(), s.question());
        }
        JsonNode list = json(Cli.run("studies", "--format", "json"));
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(Studies.all().size());
        for (int i = 0; i < list.size(); i++) {
            assertThat(list.get(i).path("name").asText()).isEqualTo(Studies.all().get(i).name());
            assertThat(list.get(i).path("question").asText()).isEqualTo(Studies.all().get(i).question());
        }
    }

    @Test
    void aStudyPrintsItsInputsAndMetricsAsATable() {
        Cli c = Cli.run("studies", "goodput");
        assertThat(c.exit()).as(c.err()).isZero();
        Study<?, ?> goodput = Studies.byName("goodput").orElseThrow();
        assertThat(c.out()).startsWith("goodput: " + goodput.question());
        for (InputSpec i : goodput.inputs()) {
            assertThat(c.out()).contains(i.name(), i.description());
        }
        for (MetricSpec m : goodput.metrics()) {
            assertThat(c.out()).contains(m.path());
        }
        // a line of the inputs table: trials is an integer from 2 to 100,000, 200 by default
        assertThat(c.out().lines().filter(l -> l.startsWith("trials ")).findFirst().orElseThrow())
                .contains("integer", "2..100000", "200", "Monte Carlo trials");
        // a metric whose unit is declared, not read from its name
        assertThat(c.out().lines().filter(l -> l.startsWith("lostGpuHoursPerDay.mean ")).findFirst().orElseThrow()).contains("GPU·h/d");
    }

    @Test
    void aStudyAsJsonIsItsDeclaration() {
        JsonNode j = json(Cli.run("studies", "goodput", "--format", "json"));
        Study<?, ?> goodput = Studies.byName("goodput").orElseThrow();
        assertThat(j.path("name").asText()).isEqualTo("goodput");
        assertThat(j.path("question").asText()).isEqualTo(goodput.question());
        assertThat(j.path("inputs").size()).isEqualTo(goodput.inputs().size());
        for (int k = 0; k < goodput.inputs().size(); k++) {
            InputSpec i = goodput.inputs().get(k);
            JsonNode n = j.path("inputs").get(k);
            assertThat(List.of(n.path("name").asText(), n.path("type").asText(), n.path("unit").asText(), n.path("range").asText(),
                    n.path("defaultValue").asText(), n.path("description").asText()))
                    .isEqualTo(List.of(i.name(), i.type(), i.unit(), i.range(), i.defaultValue(), i.description()));
        }
        List<String> paths = new ArrayList<>();
        j.path("metrics").forEach(m -> paths.add(m.path("path").asText()));
        assertThat(paths).isEqualTo(goodput.metrics().stream().map(MetricSpec::path).toList());
        assertThat(paths).contains("ettr.mean", "interruptionsPerDay.byCause.*", "policies[].gpus",
                "differencesFromFirst[].ettr.mean");
    }

    @Test
    void csvHasOneRowPerInputAndMetric() {
        Cli c = Cli.run("studies", "goodput", "--format", "csv");
        assertThat(c.exit()).as(c.err()).isZero();
        Study<?, ?> goodput = Studies.byName("goodput").orElseThrow();
        List<String> lines = c.out().lines().toList();
        assertThat(lines.get(0)).startsWith("study,part,name,type,unit,range,defaultValue,description");
        assertThat(lines).hasSize(1 + goodput.inputs().size() + goodput.metrics().size());
    }

    @Test
    void anUnknownStudyIsRefusedWithTheClosestName() {
        usageError(new String[] {"studies", "goodptu"}, "study goodptu", "unknown study", "expected one of", "did you mean goodput?");
        usageError(new String[] {"studies", "qqqqqqqqqqqq"}, "study qqqqqqqqqqqq", "unknown study", "goodput", "`mosaic studies` lists them");
    }

    @Test
    void everyRegisteredStudysDeclarationCanBeRead() {
        Set<String> names = new HashSet<>();
        for (Study<?, ?> s : Studies.all()) {
            assertThat(names.add(s.name())).as("study name %s registered twice", s.name()).isTrue();
            assertThat(s.name()).matches("[a-z][a-z0-9-]*");
            assertThat(s.question()).as(s.name()).isNotBlank();
            List<InputSpec> inputs = s.inputs();   // refuses an input record component without @In
            assertThat(inputs).as(s.name()).isNotEmpty();
            for (InputSpec i : inputs) {
                assertThat(i.description()).as("%s input %s", s.name(), i.name()).isNotBlank();
                assertThat(i.type()).as("%s input %s", s.name(), i.name()).isNotBlank();
            }
            List<MetricSpec> metrics = s.metrics();
            assertThat(metrics).as(s.name()).isNotEmpty();
            Set<String> paths = new HashSet<>();
            for (MetricSpec m : metrics) {
                assertThat(paths.add(m.path())).as("%s metric %s declared twice", s.name(), m.path()).isTrue();
                assertThat(m.unit()).as("%s metric %s", s.name(), m.path()).isNotBlank();
            }
            // and the command prints it
            Cli c = Cli.run("studies", s.name());
            assertThat(c.exit()).as(c.err()).isZero();
        }
    }
}
