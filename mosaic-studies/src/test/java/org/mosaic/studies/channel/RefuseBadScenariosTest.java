package org.mosaic.studies.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/**
 * Regression: {@code ./mosaic evaluate --set foo.bar=1} ran the claims audit (tens of seconds) before the channel section
 * found the unknown key. The report's front end now binds every scenario first with
 * {@link ChannelReportStudy#refuseBadScenarios}; this checks that it refuses what the sections would refuse and passes
 * what they accept.
 */
class RefuseBadScenariosTest {

    @Test
    void anUnknownKeyInAnyScenarioIsRefusedNamingIt_evaluateSetBeforeTheClaims() {
        List<ScenarioDocument> docs = List.of(ScenarioDocument.preset("mosaic-800g"),
                ScenarioDocument.preset("mosaic-prototype").with("foo.bar", "1"));
        assertThatThrownBy(() -> ChannelReportStudy.refuseBadScenarios(docs))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("foo.bar").hasMessageContaining("unknown key");
    }

    @Test
    void aBadCableValueIsRefusedToo() {
        List<ScenarioDocument> docs = List.of(ScenarioDocument.preset("mosaic-800g").with("plan.spares", "-3"));
        assertThatThrownBy(() -> ChannelReportStudy.refuseBadScenarios(docs)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("plan.spares");
    }

    @Test
    void everyShippedPresetPasses() {
        List<ScenarioDocument> docs = ScenarioDocument.presetNames().stream().map(ScenarioDocument::preset).toList();
        assertThatCode(() -> ChannelReportStudy.refuseBadScenarios(docs)).doesNotThrowAnyException();
    }
}
