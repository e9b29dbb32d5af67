package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.fleet.FleetStudy;

/**
 * {@code assign} then {@code bind} never depends on the order of the assignments: a replaced input and edits of the same
 * document in any order give the same values and the same bound documents (tree and source, which results print). The
 * fleet set holds the issue-13 pair (65,536 GPUs fit only with radix 64), valid only together.
 */
class StudyInputsOrderPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CABLE = List.of("cable=avicena-like", "cable.fiber.length=3 m", "cable.reliability.serviceLife=7 years", "scale=true",
            "cable.seed=2", "cable.host.attachment=cpo");
    static final List<String> FLEET = List.of("cluster=h100-16k", "cluster.gpus=65536", "cluster.fabric.radix=64",
            "cluster.fabric.tiers=3", "policy=today", "jobGpus=1024");

    private static Map<String, String> map(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    @Provide
    Arbitrary<List<String>> cable() {
        return Arbitraries.shuffle(CABLE);
    }

    @Provide
    Arbitrary<List<String>> fleet() {
        return Arbitraries.shuffle(FLEET);
    }

    @Property(tries = 12)
    void cableAssignmentsInAnyOrderBindTheSameInput(@ForAll("cable") List<String> order) {
        CableStudy study = new CableStudy();
        ObjectNode v = StudyInputs.assign(study, JSON.createObjectNode(), map(order));
        ObjectNode reference = StudyInputs.assign(study, JSON.createObjectNode(), map(CABLE));
        assertThat(v).isEqualTo(reference);
        CableStudy.Input in = StudyInputs.bind(study, v);
        CableStudy.Input ref = StudyInputs.bind(study, reference);
        assertThat(in.cable().tree()).isEqualTo(ref.cable().tree());
        assertThat(in.cable().source()).isEqualTo(ref.cable().source());
        assertThat(in.scale()).isEqualTo(ref.scale());
    }

    @Property(tries = 12)
    void fleetAssignmentsInAnyOrderBindTheSameInput(@ForAll("fleet") List<String> order) {
        FleetStudy study = new FleetStudy();
        FleetStudy.Input in = StudyInputs.bind(study, StudyInputs.assign(study, JSON.createObjectNode(), map(order)));
        FleetStudy.Input ref = StudyInputs.bind(study, StudyInputs.assign(study, JSON.createObjectNode(), map(FLEET)));
        ClusterDocument a = in.cluster();
        ClusterDocument b = ref.cluster();
        assertThat(a.document().tree()).isEqualTo(b.document().tree());
        assertThat(a.document().source()).isEqualTo(b.document().source());
        assertThat(a.cluster()).isEqualTo(b.cluster());
        assertThat(in.policy()).isEqualTo("today");
        assertThat(in.jobGpus()).isEqualTo(1024);
    }
}
