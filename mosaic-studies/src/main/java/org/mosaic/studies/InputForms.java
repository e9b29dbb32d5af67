package org.mosaic.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.studies.fleet.NamedDocument;
import org.mosaic.studies.fleet.TechnologyChoice;
import org.mosaic.studies.fleet.Technologies;
import org.mosaic.studies.goodput.GoodputStudy;
import org.mosaic.studies.training.JobChecks;
import org.mosaic.studies.training.TrainStudy;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.Calibration;
import org.mosaic.optics.CalibrationException;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.channel.ChannelFitStudy;
import org.mosaic.studies.cable.CompareStudy;
import org.mosaic.studies.datapath.EmulateStudy;
import org.mosaic.studies.channel.ChannelStudy;
import org.mosaic.studies.channel.Sweep;

/**
 * The {@link InputForm} of every study: which inputs are documents (of what kind, with which default preset), which are
 * derived from the others as the CLI derives them, and which studies cannot be bound from values and why.
 */
final class InputForms {
    private InputForms() {
    }

    static InputForm of(Study<?, ?> study) {
        return switch (study.name()) {
            case "channel" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .build();
            case "channel-eye" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .build();
            case "flr-curves" -> InputForm.builder().build();
            case "channel-sweep" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .parser("sweep", (key, node) -> {
                        if (!node.isTextual()) {
                            throw new UsageException(StudyInputs.shown(node) + " — expected KEY=FROM..TO:STEP with units, "
                                    + "e.g. \"fiber.length=5m..60m:5m\"");
                        }
                        return Sweep.parse(node.asText());
                    })
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .check(ctx -> {
                        Sweep sw = ctx.get("sweep");
                        DocumentValue doc = ctx.documents().get("scenario");
                        List<String> problems = new ArrayList<>();
                        if (sw != null && doc != null && doc.set().containsKey(sw.key())) {
                            problems.add("scenario.set " + sw.key() + " and sweep " + sw.key() + " both give " + sw.key()
                                    + ": the sweep would replace the edited value at every point (hint: drop the edit, or sweep "
                                    + "another key)");
                        }
                        return problems;
                    })
                    .build();
            case "channel-fit" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .defaultValue("measuredSource", JsonNodeFactory.instance.textNode("measured"))
                    .parser("measured", (key, node) -> {
                        // the points as the CLI's --measured file holds them: CSV text, header length,rate,ber (units in the cells)
                        if (!node.isTextual()) {
                            throw new UsageException(StudyInputs.shown(node) + " — expected the measured points as CSV text with a "
                                    + "header, e.g. \"length,rate,ber\\n20 m,2 Gb/s,1e-9\\n\"");
                        }
                        try {
                            return Calibration.parseCsv("measured", List.of(node.asText().split("\r?\n", -1)));
                        } catch (CalibrationException e) {
                            throw new UsageException(e.getMessage(), e);
                        }
                    })
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .check(ctx -> attempt(() -> ChannelFitStudy.check(ctx.get("scenario"), ctx.get("free"), ctx.get("given"))))
                    .build();
            case "channel-calibration" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    // the measurements document as text (YAML or JSON), or the name of a shipped one; default the prototype's
                    .defaultValue("measurements", JsonNodeFactory.instance.textNode("mosaic-prototype"))
                    .defaultValue("free", JsonNodeFactory.instance.arrayNode())
                    .parser("measurements", (key, node) -> {
                        if (!node.isTextual()) {
                            throw new UsageException(StudyInputs.shown(node) + " — expected a measurements document as YAML text "
                                    + "(kind: measurements, formatVersion: 1, points: [...]) or a shipped name, e.g. mosaic-prototype");
                        }
                        try {
                            String text = node.asText();
                            return org.mosaic.optics.JointCalibration.SHIPPED.contains(text.trim())
                                    ? org.mosaic.optics.JointCalibration.shipped(text.trim())
                                    : org.mosaic.optics.JointCalibration.parse("measurements", text);
                        } catch (CalibrationException e) {
                            throw new UsageException(e.getMessage(), e);
                        }
                    })
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .build();
            case "cable" -> InputForm.builder()
                    .document("cable", DocumentInput.cable(CableStudy.DEFAULT_PRESET))
                    .build();
            case "compare" -> compare();
            case "emulate" -> emulate();
            case "fleet" -> fleet();
            case "train" -> train();
            case "goodput" -> goodput();
            case "inference" -> inference();
            // the claims audit's inputs are two numbers (samples, seed); the studio runs it as a job only (issue 20)
            case "claims" -> InputForm.builder().build();
            case "report-channel", "report-cable", "report-datapath", "report-fleet", "report-training", "report-serving" ->
                    InputForm.notBindable("a report study evaluates the shipped presets together for the HTML report "
                            + "(`mosaic evaluate`); its inputs are lists of named scenarios, not values a form edits");
            case "uncertainty", "sensitivity" -> InputForm.notBindable("it runs another study hundreds of times; ask it with "
                    + "`mosaic " + study.name() + " STUDY` (the studio's jobs do not offer it yet)");
            default -> InputForm.notBindable("its inputs are not bound from values yet");
        };
    }

    private static InputForm compare() {
        DocumentInput<ScenarioDocument> cable = DocumentInput.cable(null);
        return InputForm.builder()
                .parser("rate", (key, node) -> {
                    if (!node.isTextual()) {
                        throw new UsageException(StudyInputs.shown(node) + " — expected 800G, 1.6T or 3.2T");
                    }
                    return CompareStudy.generation(node.asText().trim()).name();
                })
                .documents("cables", cable, () -> Documents.names(Documents.Kind.CABLE))
                .check(ctx -> {
                    // an edit of a cable must change something compare uses in it (leave one out), as the CLI's --set
                    List<String> problems = new ArrayList<>();
                    List<DocumentValue> cables = ctx.lists().getOrDefault("cables", List.of());
                    for (int i = 0; i < cables.size(); i++) {
                        DocumentValue v = cables.get(i);
                        String key = "cables[" + i + "]";
                        Optional<String> ignored = Edits.firstWithoutEffect(v.set(),
                                e -> cable.resolve(key, new DocumentValue(v.preset(), v.yaml(), new java.util.TreeMap<>(e))),
                                CompareStudy::used, null);
                        ignored.ifPresent(path -> problems.add(key + ".set " + path + "=" + v.set().get(path)
                                + " has no effect on compare: " + CompareStudy.withoutEffect(path, v.set().get(path))));
                    }
                    return problems;
                })
                .build();
    }

    private static InputForm emulate() {
        DocumentInput<ScenarioDocument> cable = DocumentInput.cable(CableStudy.DEFAULT_PRESET);
        return InputForm.builder()
                .document("scenario", cable)
                // the CLI passes no detection latency and no codewords unless given: the study's defaults then apply (and a
                // latency is refused when nothing fails)
                .defaultValue("detect", NullNode.instance)
                .defaultValue("codewords", NullNode.instance)
                .defaultValue("fails", JsonNodeFactory.instance.arrayNode())
                .check(ctx -> {
                    DocumentValue v = ctx.documents().get("scenario");
                    if (v == null || v.set().isEmpty()) {
                        return List.of();
                    }
                    Optional<String> ignored = Edits.firstWithoutEffect(v.set(),
                            e -> cable.resolve("scenario", new DocumentValue(v.preset(), v.yaml(), new java.util.TreeMap<>(e))),
                            d -> EmulateStudy.dependencies(new EmulateStudy.Input(d, ctx.get("mapping"), ctx.get("ber"),
                                    ctx.<Integer>get("deadChannels"), ctx.get("fails"), ctx.get("detect"), ctx.get("engine"),
                                    ctx.get("fec"), ctx.get("codewords"), ctx.get("duration"), ctx.<Boolean>get("longRun"),
                                    ctx.<Integer>get("frameBytes"), ctx.get("monitor"), ctx.get("dealing"))),
                            ScenarioDocument::tree);
                    return ignored.map(path -> List.of("scenario.set " + path + "=" + v.set().get(path) + " has no effect on "
                            + "emulate: " + EmulateStudy.withoutEffect(path, ctx.get("ber")))).orElse(List.of());
                })
                .build();
    }

    private static InputForm fleet() {
        return InputForm.builder()
                .document("cluster", new DocumentInput<>(Documents.Kind.CLUSTER, ClusterDocument.DEFAULT, ClusterDocument::bind))
                .documents("technologies", new DocumentInput<>(Documents.Kind.CABLE, null, d -> d), List::of)
                .document("catalog", new DocumentInput<>(Documents.Kind.CATALOG, null, d -> d))
                .defaultValue("rules", JsonNodeFactory.instance.arrayNode())
                .check(ctx -> {
                    // as fleet --compare-policies: every policy, and no single policy unless one was given
                    if (Boolean.TRUE.equals(ctx.get("comparePolicies")) && !ctx.given().contains("policy")) {
                        ctx.values().put("policy", null);
                    }
                    return List.of();
                })
                .build();
    }

    /**
     * The technologies the policies of train and goodput choose from, as fleet takes them: cable documents (each chosen by
     * a rule), a catalog merged over the shipped one, and rules per tier. The studies hold the resolved interconnect and
     * the notes on it; these are what a user gives.
     */
    record TechnologyInputs(
            @In(value = "Cable designs as technologies (id: the document's name; reach, watts and FIT per end from its models), each "
                    + "chosen by a rule", document = "cable") List<NamedDocument> technologies,
            @In(value = "A technology catalog whose technologies add to the shipped catalog or replace the entries with their id",
                    document = "catalog") NamedDocument catalog,
            @In(value = "Rules TIER=ID[,ID...]: on this tier (scale-up, gpu-leaf, leaf-spine, spine-core) the first of these "
                    + "technologies that reaches; other tiers follow the policy", range = "TIER=ID[,ID...]") List<String> rules) {
    }

    /** Policies as the CLI's --policy takes them: a list or "a,b"; "all" for every policy; checked with the rest (JobChecks). */
    private static Object policies(String key, com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            for (String p : node.asText().split(",")) {
                out.add(p.trim());
            }
        } else if (node.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode p : node) {
                if (!p.isTextual()) {
                    throw new UsageException(StudyInputs.shown(node) + " — expected policy names, e.g. [\"today\", \"mosaic\"]");
                }
                out.add(p.asText().trim());
            }
        } else {
            throw new UsageException(StudyInputs.shown(node) + " — expected policy names, e.g. [\"today\", \"mosaic\"] or \"all\"");
        }
        return out;
    }

    private static InputForm.Builder technologies(InputForm.Builder b) {
        return b.extras(TechnologyInputs.class)
                .documents("technologies", new DocumentInput<>(Documents.Kind.CABLE, null, d -> d), List::of)
                .document("catalog", new DocumentInput<>(Documents.Kind.CATALOG, null, d -> d))
                .defaultValue("rules", JsonNodeFactory.instance.arrayNode())
                .derived("interconnect", ctx -> resolved(ctx).interconnect())
                .derived("technologyNotes", ctx -> resolved(ctx).notes());
    }

    private static TechnologyChoice choice(InputForm.Context ctx) {
        return new TechnologyChoice(ctx.get("technologies"), ctx.get("catalog"), ctx.get("rules"));
    }

    /** The menu and rules, resolved once per binding (as the CLI's TechnologyOptions resolves them). */
    private static Technologies.Resolved resolved(InputForm.Context ctx) {
        return (Technologies.Resolved) ctx.values().computeIfAbsent(" resolved technologies", k -> Technologies.resolve(choice(ctx)));
    }

    private static DocumentInput<ModelSpec> model() {
        return new DocumentInput<>(Documents.Kind.MODEL, "llama3-405b", Models::bind);
    }

    /** The cluster as a user named it, for messages: the preset (or the input's key), with the edits made to it. */
    private static String clusterLabel(InputForm.Context ctx) {
        DocumentValue v = ctx.documents().get("cluster");
        if (v == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(v.preset() != null ? v.preset() : "cluster (yaml)");
        int n = 0;
        for (Map.Entry<String, String> e : v.set().entrySet()) {
            b.append(n++ == 0 ? " with " : ", ").append("set ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /** A check as a problem list: its refusal, or none. */
    private static List<String> attempt(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (UsageException | IllegalArgumentException | org.mosaic.core.scenario.ScenarioException | CalibrationException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * A system replaces the cluster under policies (train and inference): then no cluster, no policies and no technologies;
     * with a cluster, the policies ("all": every policy) are checked.
     */
    private static List<String> placement(InputForm.Context ctx, boolean technologies, String study) {
        List<String> problems = new ArrayList<>();
        if (ctx.get("system") != null) {
            for (String other : List.of("cluster", "policies")) {
                if (ctx.given().contains(other)) {
                    problems.add("system with " + other + ": a system document describes the GPUs and their network itself, while "
                            + "cluster and policies build them from a cluster under an interconnect policy; expected one or the other "
                            + "(hint: drop " + other + ", or drop system)");
                }
            }
            if (technologies && (!ctx.<List<?>>get("technologies").isEmpty() || ctx.get("catalog") != null
                    || !ctx.<List<?>>get("rules").isEmpty())) {
                problems.add("system with technologies, catalog or rules: a training system states its scale-up and scale-out "
                        + "bandwidth directly, so no technology is chosen for its links (hint: use cluster with policies and rules)");
            }
            ctx.values().put("cluster", null);
            ctx.values().put("clusterLabel", null);
            ctx.values().put("policies", List.of());
            return problems;
        }
        List<String> names = ctx.get("policies");
        if (names.size() == 1 && names.get(0).equals("all")) {
            names = Policy.NAMES;
            ctx.values().put("policies", names);
        }
        List<String> checked = names;
        problems.addAll(attempt(() -> JobChecks.checkPolicies("policies", checked)));
        if (technologies && problems.isEmpty()) {
            ClusterDocument cluster = ctx.get("cluster");
            problems.addAll(attempt(() -> Technologies.checkRules(choice(ctx), clusterLabel(ctx), cluster.cluster(), study)));
        }
        return problems;
    }

    /** An edited model is named with a trailing "*", as the CLI names it (TrainModels). */
    private static void markEditedModel(InputForm.Context ctx) {
        DocumentValue v = ctx.documents().get("model");
        ModelSpec m = ctx.get("model");
        if (v != null && !v.set().isEmpty() && m != null) {
            ctx.values().put("model", new ModelSpec(m.name() + "*", m.family(), m.layers(), m.hiddenSize(), m.ffnHiddenSize(), m.heads(),
                    m.kvHeads(), m.vocabSize(), m.sequenceLength(), m.experts(), m.topK()));
        }
    }

    private static InputForm train() {
        return technologies(InputForm.builder()
                .parser("policies", InputForms::policies)
                .document("model", model())
                .document("system", new DocumentInput<>(Documents.Kind.SYSTEM, null, SystemSpec::from))
                .document("cluster", new DocumentInput<>(Documents.Kind.CLUSTER, "h100-16k", ClusterDocument::bind))
                .document("gpu", new DocumentInput<>(Documents.Kind.GPU, null, GpuSpec::from))
                .derived("clusterLabel", InputForms::clusterLabel)
                .derived("gpuFromFlag", ctx -> ctx.get("gpu") != null)
                .defaultValue("stragglers", JsonNodeFactory.instance.arrayNode())
                .defaultValue("dpOverlap", NullNode.instance))   // the CLI passes none unless --[no-]dp-overlap is given
                .check(ctx -> {
                    List<String> problems = new ArrayList<>(placement(ctx, true, "train"));
                    problems.addAll(attempt(() -> JobChecks.checkGpus(ctx.get("gpus"))));
                    problems.addAll(attempt(() -> TrainStudy.checkOptions(ctx.<Integer>get("top"), ctx.<Integer>get("globalBatch"),
                            ctx.get("stragglers"))));
                    boolean anyPlan = java.util.stream.Stream.of("tp", "pp", "dp", "ep", "cp", "interleave", "microBatch")
                            .anyMatch(k -> ctx.get(k) != null);
                    boolean searches = ctx.<Boolean>get("search") || !anyPlan;
                    if (!searches && givenOtherThanDefault(ctx, TrainStudy.Input.class, "top")) {
                        problems.add("top " + ctx.get("top") + " with a fixed plan (tp/pp/dp/...): top ranks the plans of a search, a "
                                + "fixed plan is one plan (hint: search=true ranks the plans that keep the given options, or drop top)");
                    }
                    if (!searches && givenOtherThanDefault(ctx, TrainStudy.Input.class, "searchOverlap")) {
                        problems.add("searchOverlap " + ctx.get("searchOverlap") + " with a fixed plan (tp/pp/dp/...): it chooses the TP "
                                + "overlaps a search may use, a fixed plan is one plan (hint: search=true, or give the plan's tpOverlap)");
                    }
                    problems.addAll(attempt(() -> TrainStudy.checkSequenceParallel(searches, ctx.get("sequenceParallel"), ctx.get("tp"))));
                    problems.addAll(attempt(() -> TrainStudy.checkOverlaps(searches, ctx.get("tp"), ctx.get("sequenceParallel"),
                            ctx.get("tpOverlap"), ctx.get("searchOverlap"))));
                    markEditedModel(ctx);
                    return problems;
                })
                .build();
    }

    private static InputForm goodput() {
        return technologies(InputForm.builder()
                .parser("policies", InputForms::policies)
                .document("cluster", new DocumentInput<>(Documents.Kind.CLUSTER, "h100-16k", ClusterDocument::bind))
                .document("campaign", new DocumentInput<>(Documents.Kind.CAMPAIGN, CampaignDocument.DEFAULT, CampaignDocument::bind)))
                .check(ctx -> {
                    List<String> problems = new ArrayList<>(placement(ctx, true, "goodput"));
                    problems.addAll(attempt(() -> JobChecks.checkGpus(ctx.get("gpus"))));
                    problems.addAll(attempt(() -> GoodputStudy.checkTrials(ctx.<Integer>get("trials"))));
                    return problems;
                })
                .build();
    }

    private static InputForm inference() {
        return InputForm.builder()
                .parser("policies", InputForms::policies)
                .document("model", model())
                .document("system", new DocumentInput<>(Documents.Kind.SYSTEM, null, SystemSpec::from))
                .document("cluster", new DocumentInput<>(Documents.Kind.CLUSTER, "h100-16k", ClusterDocument::bind))
                .document("gpu", new DocumentInput<>(Documents.Kind.GPU, null, GpuSpec::from))
                .derived("clusterLabel", InputForms::clusterLabel)
                .derived("interconnect", ctx -> null)   // the shipped menu, as the CLI's inference passes it
                .check(ctx -> {
                    List<String> problems = new ArrayList<>(placement(ctx, false, "inference"));
                    problems.addAll(attempt(() -> JobChecks.checkGpus(ctx.get("gpus"))));
                    boolean anyPlan = java.util.stream.Stream.of("tp", "pp", "ep", "dp", "batch").anyMatch(k -> ctx.get(k) != null);
                    if (!(ctx.<Boolean>get("search") || !anyPlan)
                            && givenOtherThanDefault(ctx, org.mosaic.studies.inference.InferenceStudy.Input.class, "top")) {
                        problems.add("top " + ctx.get("top") + " with a fixed plan: top ranks the plans of a search (hint: search=true, "
                                + "or drop top)");
                    }
                    markEditedModel(ctx);
                    return problems;
                })
                .build();
    }

    /**
     * Whether a search-only input was given with another value than its declared default. Its default has no effect on a
     * fixed plan, and a sweep's points (or a form's) carry every input's default, so only another value is refused with a
     * fixed plan (a sweep over a fixed train plan was refused at every point for the defaults top=5 and searchOverlap=all).
     */
    static boolean givenOtherThanDefault(InputForm.Context ctx, Class<? extends Record> type, String name) {
        if (!ctx.given().contains(name)) {
            return false;
        }
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                In in = c.getAnnotation(In.class);
                Object v = ctx.get(name);
                return in == null || v == null || !String.valueOf(v).equalsIgnoreCase(in.defaultValue().trim());
            }
        }
        return true;
    }

    /** The keys a user edited in a document input, each with how it was given (for the study's "has no effect" refusal). */
    static Map<String, String> given(InputForm.Context ctx, String input) {
        Map<String, String> out = new LinkedHashMap<>();
        DocumentValue doc = ctx.documents().get(input);
        if (doc != null) {
            for (String path : doc.paths()) {
                out.put(path, input + ".set");
            }
        }
        return out;
    }
}
