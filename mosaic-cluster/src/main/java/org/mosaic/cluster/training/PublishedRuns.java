package org.mosaic.cluster.training;

import java.util.List;

import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * The published training runs the step model is validated against, with the systems they ran on — one place for
 * the numbers, used by the validation tests and the report.
 *
 * <ul>
 *   <li>Megatron-LM on Selene (A100 80 GB): Korthikanti et al. 2022 Table 5 ([korthikanti-2022]),
 *       as Calculon's validation encodes it: TP 8, DP 1, no distributed optimizer, no flash attention; full
 *       recomputation without sequence parallelism, or sequence parallelism with selective recomputation.</li>
 *   <li>Llama 3 405B on 8,192 and 16,384 H100s ([llama3-2024]): TP 8, CP 1, PP 16, DP 64 / 128, 2,048 sequences of
 *       8,192 per step, micro-batch 1; what Meta did not publish (interleave, recomputation) is searched.</li>
 * </ul>
 */
public final class PublishedRuns {
    /** Selene as Table 5 ran on it: the shipped system document {@code selene} ({@code /presets/system/selene.yaml}). */
    public static final SystemSpec SELENE = SystemSpec.preset("selene");
    /** Meta's Llama 3 cluster: the shipped system document {@code llama3-h100}. */
    public static final SystemSpec LLAMA3 = SystemSpec.preset("llama3-h100");
    /** Llama 3's global batch: 16 M tokens at sequence 8,192 = 2,048 sequences ([llama3-2024]). */
    public static final int LLAMA_BATCH = 2048;

    private PublishedRuns() {
    }

    /** One Megatron run with the paper's step times (s). */
    public record Megatron(ModelSpec model, int gpus, int pp, int batch, int microBatch, int interleave, double fullSeconds,
                           double seqSelSeconds) {
        /** The run's plan: full recomputation, or sequence parallelism + selective. */
        public ParallelPlan plan(boolean seqSel) {
            // Megatron 2022 overlapped the backward TP collectives with the weight-gradient multiplies ([korthikanti-2022] §6.2)
            return new ParallelPlan(8, pp, 1, 1, 1, microBatch, batch, interleave, seqSel ? Recompute.SELECTIVE : Recompute.FULL, seqSel,
                    false, false, TpOverlap.BACKWARD, true);
        }

        /** The paper's step time. */
        public double paperSeconds(boolean seqSel) {
            return seqSel ? seqSelSeconds : fullSeconds;
        }

        /** The step model's result for the run on Selene. */
        public StepResult evaluate(boolean seqSel) {
            return StepModel.evaluate(model, plan(seqSel), selene(gpus));
        }
    }

    /** The four Table 5 runs. */
    public static final List<Megatron> MEGATRON = List.of(
            new Megatron(Models.preset("megatron-22b"), 8, 1, 4, 4, 1, 1.42, 1.10),
            new Megatron(Models.preset("gpt3-175b"), 64, 8, 64, 1, 3, 18.13, 13.75),
            new Megatron(Models.preset("megatron-530b"), 280, 35, 280, 1, 3, 49.05, 37.83),
            new Megatron(Models.preset("megatron-1t"), 512, 64, 512, 1, 1, 94.42, 71.49));

    /** One Llama 3 run: GPUs, DP, published MFU and TFLOP/s per GPU. */
    public record Llama(int gpus, int dp, double publishedMfu, double publishedTflopsPerGpu) {
        /** The run in words. */
        public String label() {
            return String.format(java.util.Locale.ROOT, "Llama 3 405B on %,d H100 (Meta 2024)", gpus);
        }

        /**
         * The fastest plan that fits with the published TP 8, PP 16, DP, CP 1, micro-batch 1 (interleave, recomputation
         * searched), with the TP backward overlap every Megatron-derived stack has had since 2021 and the DP overlap: Meta's
         * paper does not say how TP communication was overlapped, so the ring/pipelined overlaps are not assumed.
         */
        public StepResult fastestPublishedShape() {
            return PlanSearch.search(Models.preset("llama3-405b"), llamaSystem(gpus), LLAMA_BATCH, publishedShape(dp), null, 1).best();
        }
    }

    /** Llama 3's published shape at {@code dp} replicas: TP 8, PP 16, CP 1, micro-batch 1, TP backward overlap, DP overlap. */
    public static PlanSearch.Fixed publishedShape(int dp) {
        return new PlanSearch.Fixed(8, 16, dp, 1, 1, 1, null, null, TpOverlap.BACKWARD, true);
    }

    /** The two pre-training runs at sequence 8,192. */
    public static final List<Llama> LLAMA = List.of(new Llama(8192, 64, 0.43, 430), new Llama(16384, 128, 0.41, 400));

    /**
     * The published Llama 3 run that {@code model} on {@code system} repeats: the unmodified Llama 3 405B preset, on H100s,
     * on as many GPUs as the run; empty for anything else.
     */
    public static java.util.Optional<Llama> matching(ModelSpec model, TrainingSystem system) {
        if (!Models.preset("llama3-405b").equals(model) || !GpuSpec.H100_SXM.equals(system.gpu())) {
            return java.util.Optional.empty();
        }
        return LLAMA.stream().filter(r -> r.gpus() == system.gpus()).findFirst();
    }

    /** Selene with {@code gpus} A100s: the {@code selene} system document. */
    public static TrainingSystem selene(int gpus) {
        return SELENE.system(gpus);
    }

    /** Llama 3's cluster as the step model sees it: {@code gpus} H100s of the {@code llama3-h100} system document. */
    public static TrainingSystem llamaSystem(int gpus) {
        return LLAMA3.system(gpus);
    }

    /** Where the numbers come from. */
    public static List<Provenance> provenance() {
        String s52 = "[korthikanti-2022] (Korthikanti et al. 2022 Table 5 as encoded in Calculon's validation)";
        return List.of(
                new Provenance("training.validation.megatron.stepSeconds", "1.42/18.13/49.05/94.42 s full; 1.10/13.75/37.83/71.49 s seq+sel",
                        Confidence.PUBLISHED, s52, "22B on 8, 175B on 64 (PP 8, v 3), 530B on 280 (PP 35, v 3), 1T on 512 (PP 64) A100s; TP 8, DP 1"),
                new Provenance("training.validation.llama3.mfu", "43 % at 8,192 GPUs (DP 64), 41 % at 16,384 (DP 128)", Confidence.PUBLISHED,
                        "[llama3-2024]", "TP 8, CP 1, PP 16, seq 8,192, 16 M tokens per step; 430 and 400 TFLOP/s per GPU"),
                new Provenance("training.validation.llama3.globalBatch", "2,048 sequences (16.8 M tokens)", Confidence.PUBLISHED,
                        "[llama3-2024]", "Llama 3's 16 M tokens per step at sequence 8,192"));
    }
}
