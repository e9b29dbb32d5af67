package org.mosaic.studies.cable;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.HostInterface;
import org.mosaic.link.LinkModel;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.Scaling;
import org.mosaic.studies.Closure;
import org.mosaic.studies.In;
import org.mosaic.studies.PlanErrors;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * One cable: its channel plan (data, parity and spare channels on the array; die area; fibre cores; skew), its power per
 * end bottom-up for its host attachment and the other, its reliability with and without spares, whether its channel
 * closes at its length; with {@code scale}, also the two ways to carry 1.6T and 3.2T (a larger array or faster
 * channels), each with its reach solved.
 */
public final class CableStudy implements Study<CableStudy.Input, CableResult> {
    /** The cable preset a front end uses when none is given. */
    public static final String DEFAULT_PRESET = "mosaic-800g";

    /** The generations the scaled options carry. */
    static final List<String> SCALED = List.of("1.6T", "3.2T");

    /**
     * @param cable the cable document (a channel with host, plan, power and reliability sections), edits applied
     * @param scale whether to work out the 1.6T and 3.2T options
     */
    public record Input(
            @In(value = "The cable: a channel with its host, plan, power and reliability sections.", document = "cable",
                    defaultValue = DEFAULT_PRESET) ScenarioDocument cable,
            @In(value = "Also the two ways to carry 1.6T and 3.2T (a larger array, or faster channels), with their reach.",
                    defaultValue = "false") boolean scale) {
    }

    @Override
    public String name() {
        return "cable";
    }

    @Override
    public String question() {
        return "What does one cable need and cost: its channel plan, power per end, and reliability over its service life "
                + "(and what carrying 1.6T and 3.2T would take)?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<CableResult> resultType() {
        return CableResult.class;
    }

    @Override
    public CableResult run(Input input, Progress progress) {
        ScenarioDocument doc = input.cable();
        if (!LinkSpecs.isCable(doc)) {
            throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable (it has no host "
                    + "section): expected a cable scenario (hint: --preset " + DEFAULT_PRESET + ")");
        }
        LinkSpec link = LinkSpecs.bind(doc);
        LinkModel.LinkResult r = PlanErrors.guard(() -> LinkModel.evaluate(link));
        String closure = Closure.statement(link.channel());
        List<Scaling.Option> scaling = new ArrayList<>();
        if (input.scale()) {
            progress.task("solving the reach of the scaled options", 2L * SCALED.size());
            for (String g : SCALED) {
                for (Scaling.Option o : Scaling.options(link, HostInterface.forGeneration(g), true)) {
                    scaling.add(o);
                    progress.step();
                }
            }
        }
        return CableResult.of(doc.source(), link.channel().seed(), link.attachment().id(), r, LinkModel.serviceYears(link),
                closure, scaling);
    }
}
