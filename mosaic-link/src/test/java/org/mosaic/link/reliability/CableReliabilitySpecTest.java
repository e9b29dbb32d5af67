package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of the cable spec: every message names the value, what was expected and, where it can, a hint. */
class CableReliabilitySpecTest {
    private static final double REF = Arrhenius.kelvin(70);
    private static final List<Part> CHANNEL = List.of(Part.of(Component.constant("LED", 1, REF, 0.5), REF));
    private static final List<Part> END = List.of(Part.of(Component.constant("gearbox", 100, REF, 0.7), REF));

    private static CableReliabilitySpec spec(int data, int parity, int spares, int directions, double lifeHours) {
        return CableReliabilitySpec.of(data, parity, spares, directions, CHANNEL, END, List.of(), lifeHours);
    }

    @Test
    void acceptsAValidCableAndDerivesItsCounts() {
        CableReliabilitySpec s = spec(400, 40, 20, 2, 43800);
        assertThat(s.totalChannels()).isEqualTo(460);
        assertThat(s.neededChannels()).isEqualTo(440);
        assertThat(s.serviceYears()).isEqualTo(5.0);
        assertThat(s.withoutSpares().totalChannels()).isEqualTo(440);
        assertThat(s.atKelvin(Arrhenius.kelvin(85)).endParts().get(0).operatingKelvin()).isEqualTo(Arrhenius.kelvin(85));
    }

    @Test
    void rejectsBadChannelCounts() {
        assertThatThrownBy(() -> spec(0, 0, 0, 2, 43800)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data channels = 0").hasMessageContaining("hint");
        assertThatThrownBy(() -> spec(400, -1, 0, 2, 43800)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parity channels = -1");
        assertThatThrownBy(() -> spec(400, 0, -3, 2, 43800)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spare channels = -3");
        assertThatThrownBy(() -> spec(400, 0, 0, 3, 43800)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directions = 3").hasMessageContaining("1 (simplex) or 2 (full duplex)");
        assertThatThrownBy(() -> spec(Integer.MAX_VALUE, 1, 1, 2, 43800)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels per direction");
    }

    @Test
    void rejectsABadServiceLife() {
        assertThatThrownBy(() -> spec(400, 40, 20, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service life 0.0 h").hasMessageContaining("5 years = 43800 h");
        assertThatThrownBy(() -> spec(400, 40, 20, 2, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(400, 40, 20, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(400, 40, 20, 2, 1e12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCablesThatCannotBeEvaluated() {
        assertThatThrownBy(() -> CableReliabilitySpec.of(400, 0, 0, 2, List.of(), END, List.of(), 43800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel parts are empty");
        List<Part> idle = List.of(Part.of(Component.constant("LED", 0, REF, 0.5), REF));
        assertThatThrownBy(() -> CableReliabilitySpec.of(400, 0, 0, 2, idle, List.of(), List.of(), 43800))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part can fail");
        assertThatThrownBy(() -> spec(400, 0, 0, 2, 43800).withCurvePoints(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("curve points = 1");
        assertThatThrownBy(() -> CableReliabilitySpec.of(400, 0, 0, 2, CHANNEL, null, List.of(), 43800))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("end parts");
    }

    @Test
    void listsAreCopiedSoTheSpecIsImmutable() {
        List<Part> parts = new ArrayList<>(CHANNEL);
        CableReliabilitySpec s = CableReliabilitySpec.of(10, 0, 1, 2, parts, END, List.of(), 43800);
        parts.clear();
        assertThat(s.channelParts()).hasSize(1);
        assertThatThrownBy(() -> s.channelParts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
