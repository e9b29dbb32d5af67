package org.mosaic.studies.cable;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.ModelRows;
import org.mosaic.link.PowerModel;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.HostGeneration;
import org.mosaic.studies.In;
import org.mosaic.studies.PlanErrors;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * Every link technology side by side at one host rate and cable length: the baselines from the sourced catalog (copper
 * reach from the twinax loss model), the microLED cables evaluated with our channel, power and reliability models
 * (each with both host attachments), and the ratios MOSAIC claims recomputed. The result is the comparison itself
 * ({@link Comparison.Result}), which serialises to the JSON {@code mosaic compare --format json} prints.
 */
public final class CompareStudy implements Study<CompareStudy.Input, Comparison.Result> {
    /**
     * @param rate         the host generation ({@code 800G}, {@code 1.6T}, {@code 3.2T})
     * @param lengthMeters the cable length every technology must reach
     * @param cables       the microLED cable documents, edits applied
     */
    public record Input(
            @In(value = "The host rate: the Ethernet generation every technology carries.", range = "800G|1.6T|3.2T",
                    defaultValue = "800G") String rate,
            @In(value = "The cable length the links must reach.", unit = "m", range = "> 0", defaultValue = "30 m")
            double lengthMeters,
            @In(value = "The microLED cables to compare (each with both host attachments).", document = "cable",
                    defaultValue = "every shipped cable preset") List<ScenarioDocument> cables) {
        public Input {
            cables = List.copyOf(cables);
        }
    }

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String question() {
        return "How do the microLED cables compare with every technology of today at one rate and length: reach, power and "
                + "FIT per end, and MOSAIC's claimed ratios recomputed?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Comparison.Result> resultType() {
        return Comparison.Result.class;
    }

    @Override
    public Comparison.Result run(Input input, Progress progress) {
        double meters = input.lengthMeters();
        if (!(meters > 0 && Double.isFinite(meters))) {
            throw new UsageException("cable length " + meters + " m: expected a positive length, e.g. 30 m");
        }
        BaselineCatalog catalog = BaselineCatalog.standard();
        HostGeneration gen;
        try {
            gen = generation(catalog, input.rate());
        } catch (IllegalArgumentException e) {
            throw new UsageException("rate " + e.getMessage());
        }
        List<LinkSpec> cables = new ArrayList<>();
        for (ScenarioDocument doc : input.cables()) {
            if (!LinkSpecs.isCable(doc)) {
                throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable (it has no host "
                        + "section): expected a cable scenario (hint: --preset " + CableStudy.DEFAULT_PRESET + ")");
            }
            cables.add(LinkSpecs.bind(doc));
        }
        List<ModelRows.Evaluated> evaluated = new ArrayList<>();
        progress.task("evaluating " + cables.size() + " microLED cables at " + gen.name(), cables.size());
        for (LinkSpec c : cables) {
            evaluated.add(PlanErrors.guard(() -> ModelRows.evaluate(c.channel().name(), c, gen.name())));
            progress.step();
        }
        return Comparison.run(catalog, gen, meters, ModelRows.rows(evaluated));
    }

    /**
     * Why an edit of a cable at {@code key} (to {@code value}) changes nothing compare uses (see
     * {@link org.mosaic.studies.Edits}).
     */
    public static String withoutEffect(String key, String value) {
        return key.equals("fiber.length") ? "every cable is evaluated at --length (and its reach is solved), so "
                + "the scenario's fibre length is not used (hint: --length " + value + ")"
                : key.equals("host.attachment") ? "compare shows every cable with both host attachments (pluggable and cpo)"
                : "no cable's reach, power or reliability depends on it, or it already has that value";
    }

    /** The host generation named by {@code rate}; an {@link IllegalArgumentException} naming the known ones otherwise. */
    public static HostGeneration generation(String rate) {
        return generation(BaselineCatalog.standard(), rate);
    }

    private static HostGeneration generation(BaselineCatalog catalog, String rate) {
        return HostGeneration.parse(rate, catalog.generations());
    }

    /**
     * What the comparison uses of a cable document (bound, so an invalid one is refused here): everything but the fibre
     * length (every cable is evaluated at the comparison's length and its reach is solved) and the host attachment (both
     * are shown). Two documents with equal values pose compare the same question, so an edit that leaves it unchanged
     * has no effect.
     */
    public static LinkSpec used(ScenarioDocument cable) {
        LinkSpec c = LinkSpecs.bind(cable);
        return new LinkSpec(c.channel().withLength(1), c.host(), PowerModel.Attachment.PLUGGABLE, c.plan(), c.power(),
                c.reliability());
    }
}
