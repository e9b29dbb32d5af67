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
    /** GPUs per node of both systems (DGX A100, HGX H100). */
    public static final int NODE_GPUS = 8;
    /** Selene NVLink within a DGX A100: 300 GB/s × 0.6 achievable, 1 µs (Calculon systems/a100_80g.json). */
    public static final LinkCost SELENE_NVLINK = new LinkCost(1e-6, 300e9 * 0.6);
    /** Selene InfiniBand between nodes: 25 GB/s × 0.9, 2 µs (the same file). */
    public static final LinkCost SELENE_IB = new LinkCost(2e-6, 25e9 * 0.9);
    /** Llama 3's H100 board: NVLink 4 ring bus bandwidth 370 GB/s ([astra-sim], [nccl-tests-290], [aiconfigurator-477]), 1 µs (assumed). */
    public static final LinkCost LLAMA_NVLINK = new LinkCost(1e-6, 370e9);
    /** Llama 3's 400G NIC: 47 GB/s bus bandwidth (46–48 measured, [astra-sim], [nccl-tests-290], [aiconfigurator-477]), 5 µs (assumed). */
    public static final LinkCost LLAMA_NIC = new LinkCost(5e-6, 47e9);
    /** Llama 3's global batch: 16 M tokens at sequence 8,192 = 2,048 sequences ([llama3-2024]). */
    public static final int LLAMA_BATCH = 2048;

    private PublishedRuns() {
    }

    /** One Megatron run with the paper's step times (s). */
    public record Megatron(ModelSpec model, int gpus, int pp, int batch, int microBatch, int interleave, double fullSeconds,
                           double seqSelSeconds) {
        /** The run's plan: full recomputation, or sequence parallelism + selective. */
        public ParallelPlan plan(boolean seqSel) {
            return new ParallelPlan(8, pp, 1, 1, 1, microBatch, batch, interleave, seqSel ? Recompute.SELECTIVE : Recompute.FULL, seqSel,
                    false, false);
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

        /** The fastest plan that fits with the published TP 8, PP 16, DP, CP 1, micro-batch 1 (interleave, recomputation searched). */
        public StepResult fastestPublishedShape() {
            return PlanSearch.search(Models.preset("llama3-405b"), llamaSystem(gpus), LLAMA_BATCH, new PlanSearch.Fixed(8, 16, dp, 1, 1, 1, null, null),
                    null, 1).best();
        }
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

    /** Selene with {@code gpus} A100s: 8 per node on NVLink, InfiniBand between nodes. */
    public static TrainingSystem selene(int gpus) {
        return new TrainingSystem("selene", GpuSpec.A100_80G, KernelCosts.of(GpuSpec.A100_80G), gpus,
                GroupNetwork.twoLevel(NODE_GPUS, SELENE_NVLINK, SELENE_IB));
    }

    /** Llama 3's cluster as the step model sees it: {@code gpus} H100s, 8 per board, 400G NICs. */
    public static TrainingSystem llamaSystem(int gpus) {
        return new TrainingSystem("llama3 " + gpus, GpuSpec.H100_SXM, KernelCosts.of(GpuSpec.H100_SXM), gpus,
                GroupNetwork.twoLevel(NODE_GPUS, LLAMA_NVLINK, LLAMA_NIC));
    }

    /** Where the numbers come from. */
    public static List<Provenance> provenance() {
        String s52 = "[korthikanti-2022] (Korthikanti et al. 2022 Table 5 as encoded in Calculon's validation)";
        String calc = "Calculon systems/a100_80g.json, the system of its Table 5 validation ([calculon-sc23])";
        String s23 = "[astra-sim], [nccl-tests-290], [aiconfigurator-477]";
        return List.of(
                new Provenance("training.validation.megatron.stepSeconds", "1.42/18.13/49.05/94.42 s full; 1.10/13.75/37.83/71.49 s seq+sel",
                        Confidence.PUBLISHED, s52, "22B on 8, 175B on 64 (PP 8, v 3), 530B on 280 (PP 35, v 3), 1T on 512 (PP 64) A100s; TP 8, DP 1"),
                new Provenance("training.validation.selene.nvlink", "300 GB/s × 0.6, 1 µs", Confidence.PUBLISHED, calc,
                        "8 GPUs per node; [calculon-sc23] records efficiency 0.65 from an earlier snapshot, the file used by "
                                + "the validation holds 0.6"),
                new Provenance("training.validation.selene.infiniband", "25 GB/s × 0.9, 2 µs", Confidence.PUBLISHED, calc, "between nodes"),
                new Provenance("training.validation.llama3.mfu", "43 % at 8,192 GPUs (DP 64), 41 % at 16,384 (DP 128)", Confidence.PUBLISHED,
                        "[llama3-2024]", "TP 8, CP 1, PP 16, seq 8,192, 16 M tokens per step; 430 and 400 TFLOP/s per GPU"),
                new Provenance("training.validation.llama3.nvlink", "370 GB/s ring bus bandwidth", Confidence.PUBLISHED, s23,
                        "H100 HGX 8 GPUs, NVLink 4, ring all-reduce, largest observed"),
                new Provenance("training.validation.llama3.nic", "47 GB/s", Confidence.PUBLISHED, s23, "NDR 400G NIC inter-node ring, 46–48 measured"),
                new Provenance("training.validation.llama3.latencies", "1 µs NVLink, 5 µs NIC", Confidence.ASSUMED, "assumed (Mosaic developers)",
                        "the step is insensitive to them at these message sizes"),
                new Provenance("training.validation.llama3.globalBatch", "2,048 sequences (16.8 M tokens)", Confidence.PUBLISHED,
                        "[llama3-2024]", "Llama 3's 16 M tokens per step at sequence 8,192"));
    }
}
