package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every valid parallel plan for a model on a system, evaluated and ranked by step time.
 *
 * <p>Enumerated: TP over the powers of two that divide the heads (up to 64); CP over powers of two up to 16 that split
 * the sequence into 2·CP blocks; PP over the divisors of GPUs/(TP·CP) up to the layers; DP the rest; EP over the
 * divisors of DP that divide the experts (MoE only); micro-batch 1, 2, 4, 8 dividing the per-replica batch;
 * interleave 1, 2, 3, 4, 6, 8 where the schedule allows it; recomputation none, selective, full (selective is skipped
 * with flash attention, where it equals none). Sequence parallelism (when TP &gt; 1), the distributed optimizer and
 * flash attention follow the template. A plan whose most loaded GPU does not fit in HBM is rejected
 * and counted; the fastest that fits wins.
 */
public final class PlanSearch {
    static final int[] MICRO_BATCHES = {1, 2, 4, 8};
    static final int[] INTERLEAVES = {1, 2, 3, 4, 6, 8};
    static final int MAX_TP = 64;
    static final int MAX_CP = 16;

    private PlanSearch() {
    }

    /**
     * The outcome of a search.
     *
     * @param model       model name
     * @param system      system label
     * @param evaluated   plans considered (valid by shape)
     * @param rejectedMemory plans that did not fit in HBM
     * @param pruned      fitting plans not simulated because their compute alone exceeded the kept plans' step times (the
     *                    busiest stage's busy time; plans that pass it but whose pipeline bound — fill, drain, DP and optimizer
     *                    included, {@code StepModel.Evaluation.pipelineLowerBound} — exceeds the cutoff are not simulated either,
     *                    and not counted here, so that this count stays that of the busy-time bound)
     * @param ranked      the fitting plans, fastest first (at most {@code keep})
     * @param closestMisfit the plan nearest to fitting when none fits (null otherwise)
     */
    public record Result(String model, String system, int evaluated, int rejectedMemory, int pruned, List<StepResult> ranked, StepResult closestMisfit) {
        /** The fastest fitting plan. */
        public StepResult best() {
            if (ranked.isEmpty()) {
                throw new IllegalStateException("no plan fits: " + (closestMisfit == null ? "no valid shape"
                        : "the closest, " + closestMisfit.plan().label() + ", " + closestMisfit.memory().describe()));
            }
            return ranked.get(0);
        }
    }

    /**
     * Fields a search keeps fixed (null = searched).
     *
     * @param tp         tensor-parallel size
     * @param pp         pipeline stages
     * @param dp         data-parallel replicas
     * @param ep         expert-parallel size
     * @param cp         context-parallel size
     * @param microBatch micro-batch
     * @param interleave chunks per stage
     * @param recompute  recomputation
     */
    public record Fixed(Integer tp, Integer pp, Integer dp, Integer ep, Integer cp, Integer microBatch, Integer interleave, Recompute recompute,
                        TpOverlap tpOverlap, Boolean dpOverlap, Offload offload, boolean searchOffload) {
        /** Nothing fixed. */
        public static final Fixed NONE = new Fixed(null, null, null, null, null, null, null, null);

        /** Offload fixed to nothing. */
        public Fixed(Integer tp, Integer pp, Integer dp, Integer ep, Integer cp, Integer microBatch, Integer interleave, Recompute recompute,
                     TpOverlap tpOverlap, Boolean dpOverlap) {
            this(tp, pp, dp, ep, cp, microBatch, interleave, recompute, tpOverlap, dpOverlap, null, false);
        }

        /** The shape fixed, the overlaps searched. */
        public Fixed(Integer tp, Integer pp, Integer dp, Integer ep, Integer cp, Integer microBatch, Integer interleave, Recompute recompute) {
            this(tp, pp, dp, ep, cp, microBatch, interleave, recompute, null, null);
        }

        /** The same with the overlaps fixed (null: searched). */
        public Fixed withOverlaps(TpOverlap tpMode, Boolean dpOn) {
            return new Fixed(tp, pp, dp, ep, cp, microBatch, interleave, recompute, tpMode, dpOn, offload, searchOffload);
        }

        /**
         * The same with the offload fixed ({@code search} false: every plan offloads {@code parts}, {@link Offload#NONE} for none)
         * or searched ({@code search} true: a plan that does not fit in HBM is tried with the fewest parts offloaded that make it
         * fit, overlapped as {@code parts} says — never a fitting plan, which offload can only slow down).
         */
        public Fixed withOffload(Offload parts, boolean search) {
            return new Fixed(tp, pp, dp, ep, cp, microBatch, interleave, recompute, tpOverlap, dpOverlap, parts, search);
        }

        boolean allows(ParallelPlan p) {
            return ok(tp, p.tp()) && ok(pp, p.pp()) && ok(dp, p.dp()) && ok(ep, p.ep()) && ok(cp, p.cp()) && ok(microBatch, p.microBatch())
                    && ok(interleave, p.interleave()) && (recompute == null || recompute == p.recompute());
        }

        private static boolean ok(Integer fixed, int v) {
            return fixed == null || fixed == v;
        }
    }

    /**
     * One plan a search examined, for writing every plan out ({@code train --search --all}).
     *
     * @param plan    the plan
     * @param outcome "fits" (timed), "memory" (rejected: does not fit), "pruned" (not timed: bounded out; only without a
     *                listener's full evaluation)
     * @param step    its step when timed, else null
     * @param memory  its memory footprint
     */
    public record Examined(ParallelPlan plan, String outcome, StepResult step, MemoryFootprint memory) {
    }

    /** Searches everything (see {@link #search(ModelSpec, TrainingSystem, int, Fixed, ParallelPlan, int)}). */
    public static Result search(ModelSpec model, TrainingSystem system, int globalBatch, ParallelPlan template, int keep) {
        return search(model, system, globalBatch, Fixed.NONE, template, keep);
    }

    /**
     * Searches.
     *
     * @param model       the workload
     * @param system      the hardware
     * @param globalBatch sequences per step
     * @param fixed       fields not searched
     * @param template    supplies sequenceParallel (used when TP &gt; 1), distributedOptimizer and flashAttention (other fields
     *                    ignored); null for all on
     * @param keep        how many of the best plans to return
     */
    public static Result search(ModelSpec model, TrainingSystem system, int globalBatch, Fixed fixed, ParallelPlan template, int keep) {
        return search(model, system, globalBatch, fixed, template, keep, new double[0]);
    }

    /**
     * Searches with stragglers: every plan is timed with the given per-GPU slow-downs (placed as
     * {@link StepModel#evaluate(ModelSpec, ParallelPlan, TrainingSystem, double[], boolean)} places them), so the
     * ranking is the ranking under stragglers.
     */
    public static Result search(ModelSpec model, TrainingSystem system, int globalBatch, Fixed fixed, ParallelPlan template, int keep,
                                double[] stragglers) {
        return search(model, system, globalBatch, fixed, template, keep, stragglers, null);
    }

    /**
     * Searches, handing every examined plan to {@code every} (null: none). With a listener no plan is bounded out: every
     * fitting plan is timed in full so that it can be written with its breakdown; the ranking is the same.
     */
    public static Result search(ModelSpec model, TrainingSystem system, int globalBatch, Fixed fixed, ParallelPlan template, int keep,
                                double[] stragglers, java.util.function.Consumer<Examined> every) {
        Fixed fx = fixed == null ? Fixed.NONE : fixed;
        double[] slow = StepModel.stragglers(stragglers);
        if (globalBatch < 1) {
            throw new IllegalArgumentException("global batch " + globalBatch + " — expected at least 1 sequence");
        }
        if (keep < 1) {
            throw new IllegalArgumentException("keep " + keep + " — expected at least 1 plan to return");
        }
        boolean distOpt = template == null || template.distributedOptimizer();
        boolean flash = template == null || template.flashAttention();
        boolean seqPar = template == null || template.sequenceParallel();
        // the number format is a choice of the user's (it changes the numerics), not of the search: the template's, else BF16
        DataType type = template == null ? DataType.BF16 : template.matmulType();
        KernelCosts.of(system.gpu(), type);   // refuses a type the GPU has no peak for, before any plan is timed
        Offload fixedOffload = fx.offload() == null ? Offload.NONE : fx.offload();
        if ((fixedOffload.any() || fx.searchOffload()) && system.gpu().hostMemory() == null) {
            throw new IllegalArgumentException("offload " + (fx.searchOffload() ? "searched" : fixedOffload.word()) + " but GPU "
                    + system.gpu().name() + " has no second memory tier — expected hostMemory {capacity, bandwidth} in its gpu document "
                    + "(hint: --set gpu.hostMemory.capacity=512GB --set gpu.hostMemory.bandwidth=63GB/s)");
        }
        long gpus = system.gpus();
        List<StepResult> fits = new ArrayList<>();
        MemoryFootprint misfitMemory = null;
        ParallelPlan misfitPlan = null;
        int evaluated = 0;
        int rejected = 0;
        int pruned = 0;
        for (int tp = 1; tp <= Math.min(MAX_TP, model.heads()); tp *= 2) {
            if (model.heads() % tp != 0 || gpus % tp != 0) {
                continue;
            }
            for (int cp = 1; cp <= MAX_CP; cp *= 2) {
                if (gpus % ((long) tp * cp) != 0 || (cp > 1 && model.sequenceLength() % (2 * cp) != 0)) {
                    continue;
                }
                long rest = gpus / ((long) tp * cp);
                for (int pp = 1; pp <= Math.min(rest, model.layers()); pp++) {
                    if (rest % pp != 0) {
                        continue;
                    }
                    long dpl = rest / pp;
                    if (dpl > Integer.MAX_VALUE || globalBatch % dpl != 0) {
                        continue;
                    }
                    int dp = (int) dpl;
                    for (int ep : expertSizes(model, dp)) {
                        for (int mb : MICRO_BATCHES) {
                            if (globalBatch % ((long) dp * mb) != 0) {
                                continue;
                            }
                            int m = globalBatch / (dp * mb);
                            for (int v : INTERLEAVES) {
                                if (v > 1 && (pp == 1 || m % pp != 0 || v > model.layers() / pp)) {
                                    continue;
                                }
                                for (Recompute r : Recompute.values()) {
                                    if (flash && r == Recompute.SELECTIVE && fx.recompute() != Recompute.SELECTIVE) {
                                        continue;
                                    }
                                    boolean sp = tp > 1 && seqPar;
                                    // the DP overlap is on unless fixed: exposing the whole reduction is never faster
                                    ParallelPlan plan = new ParallelPlan(tp, pp, dp, ep, cp, mb, globalBatch, v, r, sp, distOpt, flash,
                                            fx.tpOverlap() != null ? fx.tpOverlap() : TpOverlap.BACKWARD, fx.dpOverlap() == null || fx.dpOverlap(), type,
                                            fx.searchOffload() ? Offload.NONE : fixedOffload);
                                    if (!fx.allows(plan) || !plan.problems(model, gpus).isEmpty()) {
                                        continue;
                                    }
                                    evaluated++;
                                    // one evaluation per plan: its memory, then its offload and overlap variants share its layer split
                                    // and stage parameters, and each variant's layer cost serves both the dominance test and the step
                                    StepModel.Evaluation base = new StepModel.Evaluation(model, plan, system, slow);   // problems() checked above
                                    MemoryFootprint mem = base.footprint();
                                    List<StepModel.Evaluation> timed = new ArrayList<>();
                                    if (mem.fits()) {
                                        timed.add(base);
                                    } else {
                                        if (fx.searchOffload()) {
                                            timed.addAll(offloadVariants(model, base, gpus, fixedOffload.overlap()));
                                        }
                                        if (timed.isEmpty()) {
                                            rejected++;
                                            if (every != null) {
                                                every.accept(new Examined(plan, "memory", null, mem));
                                            }
                                            if (misfitMemory == null || mem.totalBytes() < misfitMemory.totalBytes()) {
                                                misfitMemory = mem;
                                                misfitPlan = plan;
                                            }
                                            continue;
                                        }
                                    }
                                    for (StepModel.Evaluation fitting : timed) {
                                        for (StepModel.Evaluation variant : overlapVariants(fitting, fx)) {
                                            StepResult res = variant.run(false, every != null ? Double.POSITIVE_INFINITY : cutoff(fits, keep));
                                            if (res == null) {
                                                if (!variant.skipped) {   // the pipeline bound's skips are not counted (see Result)
                                                    pruned++;
                                                }
                                            } else {
                                                insert(fits, res, keep);
                                                if (every != null) {
                                                    every.accept(new Examined(variant.p, "fits", res, res.memory()));
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        List<StepResult> top = List.copyOf(fits);
        StepResult misfit = fits.isEmpty() && misfitPlan != null ? StepModel.evaluate(model, misfitPlan, system, slow, false) : null;
        return new Result(model.name(), system.name(), evaluated, rejected, pruned, top, misfit);
    }

    private static final Comparator<StepResult> ORDER = Comparator.comparingDouble(StepResult::stepSeconds)
            .thenComparing(r -> r.plan().label());

    /**
     * The TP overlaps a search times for a plan the user did not fix one for. Per collective, pipelined never hides more
     * than ring (C/t + max(u·C(t−1)/t, (C − W)(t−1)/t) ≥ max(u·C, C − W(t−1)/t)) and none never more than backward
     * (max(u·C, C − W) ≤ C), so only ring and backward are candidates, and ring only with sequence parallelism; when one
     * of the two gives a layer whose forward and backward are both no longer than the other's, it alone is timed (the
     * pipeline's makespan never shrinks when an op grows), otherwise both are.
     */
    static List<ParallelPlan> overlapVariants(ModelSpec model, ParallelPlan plan, TrainingSystem system, Fixed fx) {
        return overlapVariants(new StepModel.Evaluation(model, plan, system, new double[0]), fx).stream().map(e -> e.p).toList();
    }

    /** {@link #overlapVariants(ModelSpec, ParallelPlan, TrainingSystem, Fixed)} on a plan's evaluation: the variants' evaluations. */
    static List<StepModel.Evaluation> overlapVariants(StepModel.Evaluation e, Fixed fx) {
        ParallelPlan plan = e.p;
        if (fx.tpOverlap() != null || plan.tp() == 1 || !plan.sequenceParallel()) {
            return List.of(e);
        }
        StepModel.Evaluation ring = e.variant(plan.withOverlap(TpOverlap.RING, plan.dpOverlap()));
        StepModel.Evaluation back = e.variant(plan.withOverlap(TpOverlap.BACKWARD, plan.dpOverlap()));
        StepModel.LayerCost r = ring.layerCost();
        StepModel.LayerCost b = back.layerCost();
        boolean same = r.forward() == b.forward() && r.backward() == b.backward();
        if (!same && r.forward() <= b.forward() && r.backward() <= b.backward()) {
            return List.of(ring);
        }
        if (!same && b.forward() <= r.forward() && b.backward() <= r.backward()) {
            return List.of(back);
        }
        return List.of(ring, back);   // neither dominates (or a tie, which the ranking breaks by label)
    }

    /**
     * The offloads that make a plan that does not fit in HBM fit, each minimal (no fitting choice offloads a subset of its
     * parts): offloading more never shortens a step (forward max and backward sum of the transfers only grow), so a superset
     * of a fitting choice is never faster.
     */
    static List<StepModel.Evaluation> offloadVariants(ModelSpec model, StepModel.Evaluation base, long gpus, boolean overlap) {
        List<Offload> fitting = new ArrayList<>();
        List<StepModel.Evaluation> out = new ArrayList<>();
        for (Offload o : Offload.choices()) {
            Offload choice = o.withOverlap(overlap);
            if (fitting.stream().anyMatch(f -> f.subsetOf(choice))) {
                continue;
            }
            ParallelPlan candidate = base.p.withOffload(choice);
            if (!candidate.problems(model, gpus).isEmpty()) {
                return out;   // too few layers per stage to offload at all
            }
            StepModel.Evaluation e = base.variant(candidate);
            if (e.footprint().fits()) {
                fitting.add(choice);
                out.add(e);
            }
        }
        return out;
    }

    /** The step time a plan must beat to enter the kept list. */
    private static double cutoff(List<StepResult> kept, int keep) {
        return kept.size() < keep ? Double.POSITIVE_INFINITY : kept.get(kept.size() - 1).stepSeconds();
    }

    /** Inserts in order, keeping at most {@code keep}. */
    private static void insert(List<StepResult> kept, StepResult r, int keep) {
        int i = 0;
        while (i < kept.size() && ORDER.compare(kept.get(i), r) <= 0) {
            i++;
        }
        if (i < keep) {
            kept.add(i, r);
            if (kept.size() > keep) {
                kept.remove(kept.size() - 1);
            }
        }
    }

    private static int[] expertSizes(ModelSpec model, int dp) {
        if (!model.isMoe()) {
            return new int[] {1};
        }
        List<Integer> out = new ArrayList<>();
        for (int ep = 1; ep <= dp; ep++) {
            if (dp % ep == 0 && model.experts() % ep == 0) {
                out.add(ep);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** "searched N plans, M rejected for memory". */
    public static String describe(Result r) {
        return String.format(Locale.ROOT, "searched %d plans for %s on %s: %d did not fit in HBM, %d were bounded out by their compute alone",
                r.evaluated(), r.model(), r.system(), r.rejectedMemory(), r.pruned());
    }
}
