package org.mosaic.cluster.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.cluster.training.ModelSpec.Family;

/**
 * Named transformer presets with the source of every number. Sequence lengths are those of the published
 * training runs used for validation ([llama3-2024] and [korthikanti-2022]).
 */
public final class ModelPresets {

    private static final String S51 = "[llama3-2024]";
    private static final String S52 = "[korthikanti-2022]";

    /** GPT-3 175B as run by Megatron (Korthikanti et al. 2022 Table 5): h 12288, 96 layers, 96 heads, s 2048. */
    public static final ModelSpec GPT3_175B = ModelSpec.dense("gpt3-175b", Family.GPT, 96, 12288, 4 * 12288, 96, 96, 51200, 2048);
    /** Megatron 22B: h 6144, 48 layers, 64 heads, s 2048. */
    public static final ModelSpec MEGATRON_22B = ModelSpec.dense("megatron-22b", Family.GPT, 48, 6144, 4 * 6144, 64, 64, 51200, 2048);
    /** Megatron-Turing NLG 530B: h 20480, 105 layers, 128 heads, s 2048. */
    public static final ModelSpec MEGATRON_530B = ModelSpec.dense("megatron-530b", Family.GPT, 105, 20480, 4 * 20480, 128, 128, 51200, 2048);
    /** Megatron 1T: h 25600, 128 layers, 160 heads, s 2048. */
    public static final ModelSpec MEGATRON_1T = ModelSpec.dense("megatron-1t", Family.GPT, 128, 25600, 4 * 25600, 160, 160, 51200, 2048);
    /** Llama 3 405B: 126 layers, h 16384, FFN 53248, 128 heads, 8 KV heads, vocab 128256, s 8192. */
    public static final ModelSpec LLAMA3_405B = ModelSpec.dense("llama3-405b", Family.LLAMA, 126, 16384, 53248, 128, 8, 128256, 8192);
    /** Mixtral 8x7B, the MoE preset: 32 layers, h 4096, FFN 14336, 32 heads, 8 KV heads, vocab 32000, 8 experts, top-2. */
    public static final ModelSpec MIXTRAL_8X7B = new ModelSpec("mixtral-8x7b", Family.LLAMA, 32, 4096, 14336, 32, 8, 32000, 4096, 8, 2);

    /**
     * A DeepSeek-V3-shaped MoE: 61 layers, h 7168, 128 heads, 256 routed experts of FFN 2048 with top-8 routing plus one
     * shared expert (modelled as a ninth routed expert, top-k 9), vocab 129,280, seq 4096. Multi-head latent attention
     * is modelled as ordinary multi-head attention and the three leading dense layers as MoE layers: 702 B parameters,
     * 38 B active (DeepSeek-V3 reports 671 B and 37 B).
     */
    public static final ModelSpec DEEPSEEK_V3_LIKE = new ModelSpec("deepseek-v3-like", Family.LLAMA, 61, 7168, 2048, 128, 128, 129280, 4096, 256, 9);

    private static final List<ModelSpec> ALL = List.of(GPT3_175B, MEGATRON_22B, MEGATRON_530B, MEGATRON_1T, LLAMA3_405B, MIXTRAL_8X7B,
            DEEPSEEK_V3_LIKE);

    private ModelPresets() {
    }

    /** Every preset, in a fixed order. */
    public static List<ModelSpec> all() {
        return ALL;
    }

    /** The preset called {@code name}, if any. */
    public static Optional<ModelSpec> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The preset called {@code name}; throws with the known names otherwise. */
    public static ModelSpec byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                "model preset '%s' — expected one of %s (or build a custom ModelSpec)", name, ALL.stream().map(ModelSpec::name).toList())));
    }

    /** Where each preset number comes from. */
    public static List<Provenance> provenance() {
        return List.of(
                new Provenance("training.model.megatron.{22b,175b,530b,1t}.{hidden,layers,heads,seq}",
                        "6144/48/64, 12288/96/96, 20480/105/128, 25600/128/160; seq 2048", Confidence.PUBLISHED, S52 + "",
                        "Korthikanti et al. 2022 Table 5 as encoded in Calculon's validation"),
                new Provenance("training.model.megatron.*.ffn", "4 × hidden", Confidence.ASSUMED, S52,
                        "standard GPT MLP ratio; not stated in the reference, recalled from the GPT-3 and Megatron papers"),
                new Provenance("training.model.megatron.*.vocab", "51200", Confidence.ASSUMED, S52,
                        "GPT-2 BPE vocabulary padded to a multiple of 1024 as Megatron does; recalled, not in the reference"),
                new Provenance("training.model.llama3-405b", "126 layers, d 16384, FFN 53248, 128 heads, 8 KV heads, vocab 128256",
                        Confidence.PUBLISHED, S51 + " (secondary)", "seq 8192 from the [llama3-2024] table"),
                new Provenance("training.model.mixtral-8x7b", "32 layers, d 4096, FFN 14336, 32/8 heads, vocab 32000, 8 experts top-2, seq 4096",
                        Confidence.ASSUMED, "assumed (Mosaic developers); context: [mixtral-2024] (recalled by the Mosaic developers)",
                        "small MoE preset"),
                new Provenance("training.model.deepseek-v3-like", "61 layers, h 7168, 128 heads, 256 experts (FFN 2048) top-8 + 1 shared, vocab 129280",
                        Confidence.ASSUMED, "assumed (Mosaic developers); context: [deepseek-v3-2024] (recalled by the Mosaic developers)",
                        "MLA modelled as MHA, the shared expert as a 9th routed one, the 3 dense layers as MoE; 702 B / 38 B active vs 671 B / 37 B"));
    }
}
