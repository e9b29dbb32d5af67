package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.UsageException;

class SweepSpecTest {
    private static final SweepSpec SPEC = new SweepSpec("cable",
            List.of(Axis.parse("cable.fiber.length=10 m..50 m:10 m"), Axis.parse("cable.host.attachment=pluggable,cpo")),
            List.of("cable.plan.parity=0"), SweepSpec.Sampling.parse("lhs:100"), List.of("power.perEndWatts", "reliability.linkFit"),
            7, 5000, true);

    @Test
    void aSpecRoundTripsThroughItsArguments() {
        assertThat(SweepSpec.parse(SPEC.toArgs())).isEqualTo(SPEC);
        SweepSpec plain = SweepSpec.grid("cable", List.of(Axis.parse("cable.fiber.length=10..20:5 m")));
        assertThat(SweepSpec.parse(plain.toArgs())).isEqualTo(plain);
    }

    @Test
    void aSpecRoundTripsThroughJsonAndJavaSerialisation() throws Exception {
        assertThat(SweepSpec.fromJson(SPEC.toJson())).isEqualTo(SPEC);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SPEC);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(SPEC);
        }
    }

    @Test
    void optionsMayBeWrittenWithEquals() {
        SweepSpec s = SweepSpec.parse(List.of("cable", "--vary=cable.fiber.length=10 m,20 m", "--seed=3", "--sample=sobol:8"));
        assertThat(s.axes()).containsExactly(Axis.parse("cable.fiber.length=10 m,20 m"));
        assertThat(s.seed()).isEqualTo(3);
        assertThat(s.sampling()).isEqualTo(new SweepSpec.Sampling(SweepSpec.Method.SOBOL, 8));
    }

    @Test
    void badSamplingIsRefused() {
        assertThatThrownBy(() -> SweepSpec.Sampling.parse("lhs:0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("lhs:N");
        assertThatThrownBy(() -> SweepSpec.Sampling.parse("random:5")).isInstanceOf(UsageException.class);
    }
}
