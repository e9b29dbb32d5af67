package org.mosaic.studies.cable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.LinkModel;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.ModelRows;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.CopperReach;
import org.mosaic.link.reliability.MonteCarloResult;
import org.mosaic.link.reliability.ReliabilityMonteCarlo;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Closure;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;

/**
 * The report's cable section: for each cable among the scenarios its plan, power per end (both attachments),
 * reliability over the service life with and without spares (analytic, cross-checked by Monte Carlo with the
 * scenario's seed) and its reach; then every technology side by side at 800G and 1.6T at
 * {@link #COMPARE_LENGTH_METERS}, and copper's computed reach against the lane rate.
 */
public final class CableReportStudy implements Study<CableReportStudy.Input, CableReportResult> {
    /** Cable length of the comparison tables (the paper's "tens of metres" scale-up use). */
    public static final double COMPARE_LENGTH_METERS = 30;

    /** The passive copper cables whose reach curve the report draws. */
    static final List<String> COPPER_GAUGES = List.of("26AWG", "30AWG");

    /** The Nyquist frequencies of the copper curves: 53.125 to 212.5 Gb/s PAM4 lanes. */
    static final double COPPER_FROM_HZ = 13.28e9;
    static final double COPPER_TO_HZ = 53.125e9;
    static final int COPPER_POINTS = 60;

    /** A scenario of the report, by the name it is shown under. */
    public record Scenario(String name, ScenarioDocument doc) {
    }

    /** @param scenarios the report's scenarios, edits applied; those without a host section (channels only) are skipped */
    public record Input(
            @In(value = "The report's scenarios by name; the cables among them (those with a host section) are evaluated.",
                    document = "cable", defaultValue = "every shipped preset") List<Scenario> scenarios) {
        public Input {
            scenarios = List.copyOf(scenarios);
        }
    }

    @Override
    public String name() {
        return "report-cable";
    }

    @Override
    public String question() {
        return "For the report: each cable's plan, power, reliability (with a Monte Carlo cross-check) and reach, and every "
                + "technology side by side at 800G and 1.6T over " + (int) COMPARE_LENGTH_METERS + " m?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<CableReportResult> resultType() {
        return CableReportResult.class;
    }

    @Override
    public CableReportResult run(Input input, Progress progress) {
        List<Scenario> cableDocs = input.scenarios().stream().filter(s -> LinkSpecs.isCable(s.doc())).toList();
        progress.task("evaluating " + cableDocs.size() + " cables (plan, power, reliability, Monte Carlo, comparison)",
                cableDocs.size() + 2L);
        Map<String, CableReportResult.Cable> cables = new LinkedHashMap<>();
        List<ModelRows.Evaluated> rows800 = new ArrayList<>();
        List<ModelRows.Evaluated> rows1600 = new ArrayList<>();
        for (Scenario in : cableDocs) {
            LinkSpec spec = LinkSpecs.bind(in.doc());
            LinkModel.LinkResult r = LinkModel.evaluate(spec);
            ChannelSpec channel = spec.channel();
            double reach = ChannelAnalysis.targetReach(channel);
            ModelRows.Evaluated e800 = ModelRows.evaluate(in.name(), spec, "800G", reach);
            MonteCarloResult mc = ReliabilityMonteCarlo.run(LinkModel.reliabilitySpec(spec, r.plan()),
                    spec.reliability().monteCarloTrials(), channel.seed());
            String closure = Closure.statement(channel.fiber().lengthMeters(), ChannelAnalysis.nominalBer(channel),
                    channel.berTarget(), ChannelFacts.reach(e800.reachMeters(), e800.reachMeters() >= ChannelAnalysis.MAX_LENGTH)
                            + " on the " + channel.reachTarget().describe());
            cables.put(in.name(), new CableReportResult.Cable(in.name(), r.plan(), r.power(), r.otherAttachment(), r.reliability(),
                    mc, e800.reachMeters(), closure, channel.seed(), spec.plan().sparePlacement(), LinkModel.serviceYears(spec),
                    Catalog.of(in.doc()).stream()
                            .filter(pr -> LinkSpecs.SECTIONS.stream().anyMatch(s -> pr.path().startsWith(s + "."))).toList()));
            rows800.add(e800);
            rows1600.add(ModelRows.evaluate(in.name(), spec, "1.6T", reach));
            progress.step();
        }
        BaselineCatalog catalog = BaselineCatalog.standard();
        Comparison.Result c800 = Comparison.run(catalog, catalog.generation("800G"), COMPARE_LENGTH_METERS, ModelRows.rows(rows800));
        progress.step();
        Comparison.Result c1600 = Comparison.run(catalog, catalog.generation("1.6T"), COMPARE_LENGTH_METERS, ModelRows.rows(rows1600));
        progress.step();
        List<CableReportResult.CopperCurve> copper = new ArrayList<>();
        for (String gauge : COPPER_GAUGES) {
            CopperReach cr = CopperReach.passive(gauge);
            copper.add(new CableReportResult.CopperCurve(cr.describe(),
                    catalog.twinax().reachCurve(cr, COPPER_FROM_HZ, COPPER_TO_HZ, COPPER_POINTS)));
        }
        return new CableReportResult(cables, c800, c1600, copper, catalog.provenance());
    }
}
