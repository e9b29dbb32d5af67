package org.mosaic.datapath.gearbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Mapping;

/** The host layout and the gearbox permutations: bijections, exact inverses, and what each mapping puts on a channel. */
class GearboxMapTest {

    private static GearboxMap mosaic(Mapping m) {
        return new GearboxMap(new HostLayout(FecSpec.KP4, HostSpec.HOST_800G), m, 400);
    }

    /** The 800G host under the alternative reading: units of one symbol per codeword on each PCS lane. */
    private static GearboxMap unitDealing(Mapping m) {
        return new GearboxMap(new HostLayout(FecSpec.KP4, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.UNITS)), m, 400);
    }

    /** Every slot has one address, every address one slot, and slot(address(slot)) = slot. */
    static void assertBijection(GearboxMap g) {
        int total = g.bitsPerSuperblock();
        assertThat((long) g.slotsPerChannel() * g.dataChannels()).isEqualTo(total);
        boolean[] hit = new boolean[total];
        for (int c = 0; c < g.dataChannels(); c++) {
            for (int k = 0; k < g.slotsPerChannel(); k++) {
                int a = g.address(c, k);
                assertThat(a).isBetween(0, total - 1);
                assertThat(hit[a]).as("address %d hit twice", a).isFalse();
                hit[a] = true;
                assertThat(g.slot(a)).isEqualTo(c * g.slotsPerChannel() + k);
            }
        }
    }

    @Provide
    Arbitrary<HostSpec> hosts() {
        return Arbitraries.of(HostSpec.HOST_800G, new HostSpec(4, 106.25e9, 1, 2, 16), new HostSpec(2, 53.125e9, 1, 1, 4),
                new HostSpec(8, 53.125e9, 2, 2, 8));
    }

    @Property(tries = 40)
    void everyMappingIsABijectionWithAnExactInverse(@ForAll("hosts") HostSpec host, @ForAll Mapping mapping,
                                                    @ForAll @IntRange(min = 1, max = 48) int channels, @ForAll boolean kr4) {
        FecSpec fec = kr4 ? FecSpec.KR4 : FecSpec.KP4;
        assertBijection(new GearboxMap(new HostLayout(fec, host), mapping, channels));
    }

    @Test
    void mosaicDefaultsAreBijections() {
        for (Mapping m : Mapping.values()) {
            GearboxMap g = mosaic(m);
            // 2 flows × 2 codewords × 544 symbols = 2176 symbols per block; lcm(2176, 400) = 54,400 symbols = 25 blocks
            assertThat(g.codewordsPerSuperblock()).isEqualTo(100);
            assertThat(g.slotsPerChannel()).isEqualTo(1360);
            assertBijection(g);
        }
    }

    @Test
    void hostOrdersAreBijectionsOfTheBlock() {
        HostLayout l = new HostLayout(FecSpec.KP4, HostSpec.HOST_800G);
        boolean[] bit = new boolean[l.bitsPerBlock()];
        for (int g = 0; g < l.bitsPerBlock(); g++) {
            int a = l.hostBitAddress(g);
            assertThat(bit[a]).isFalse();
            bit[a] = true;
        }
        boolean[] sym = new boolean[l.symbolsPerBlock()];
        for (int u = 0; u < l.symbolsPerBlock(); u++) {
            int s = l.pcsOrderSymbol(u);
            assertThat(sym[s]).isFalse();
            sym[s] = true;
            assertThat(l.pcsLaneOf(s)).isEqualTo(u % 32);
        }
    }

    @Test
    void defaultHostDealsSingleSymbolsToPcsLanesLikeClause119() {
        // [xelic-400g-fec], [ea-8023bs-pcs], Clause 119 (recalled): the interleaved stream (cw0 s0, cw1 s0, cw0 s1, …)
        // goes to the 16 PCS lanes one 10-bit symbol at a time, so lane l carries codeword l mod 2 only
        HostLayout l = new HostLayout(FecSpec.KP4, HostSpec.HOST_800G);
        assertThat(HostSpec.HOST_800G.dealing()).isEqualTo(HostSpec.PcsDealing.SYMBOLS);
        assertThat(new HostSpec(8, 106.25e9, 2, 2, 16).dealing()).isEqualTo(HostSpec.PcsDealing.SYMBOLS);
        assertThat(l.pcsLaneSymbol(0, 0)).isEqualTo(0);            // stream symbol 0: codeword 0, symbol 0
        assertThat(l.pcsLaneSymbol(1, 0)).isEqualTo(544);          // stream symbol 1: codeword 1, symbol 0
        assertThat(l.pcsLaneSymbol(2, 0)).isEqualTo(1);            // stream symbol 2: codeword 0, symbol 1
        assertThat(l.pcsLaneSymbol(0, 1)).isEqualTo(8);            // stream symbol 16: codeword 0, symbol 8
        assertThat(l.pcsLaneSymbol(17, 0)).isEqualTo(3 * 544);     // flow 1, its stream symbol 1: codeword 3, symbol 0
        for (int p = 0; p < 32; p++) {
            for (int r = 0; r < 68; r++) {
                assertThat(l.pcsLaneSymbol(p, r) / 544).as("PCS lane %d", p).isEqualTo(2 * (p / 16) + p % 2);
            }
        }
    }

    @Test
    void unitDealingPcsLanesCarryBothInterleavedCodewords() {
        HostLayout l = new HostLayout(FecSpec.KP4, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.UNITS));
        // flow 0 interleaves codewords 0 and 1; units of one symbol of each go round-robin to its 16 PCS lanes
        assertThat(l.pcsLaneSymbol(0, 0)).isEqualTo(0);            // codeword 0, symbol 0
        assertThat(l.pcsLaneSymbol(0, 1)).isEqualTo(544);          // codeword 1, symbol 0
        assertThat(l.pcsLaneSymbol(1, 0)).isEqualTo(1);            // codeword 0, symbol 1
        assertThat(l.pcsLaneSymbol(16, 0)).isEqualTo(2 * 544);     // flow 1: codeword 2, symbol 0
        assertThat(l.pcsLaneSymbol(0, 2)).isEqualTo(16);           // second unit of lane 0: codeword 0, symbol 16
        // host lane 0 carries PCS lanes 0, 8, 16, 24 bit by bit: its bits 0..3 are bit 0 of their first symbols
        assertThat(l.hostBitAddress(0)).isEqualTo(0);
        assertThat(l.hostBitAddress(8)).isEqualTo(l.pcsLaneSymbol(8, 0) * 10);
        assertThat(l.hostBitAddress(16)).isEqualTo(l.pcsLaneSymbol(16, 0) * 10);
        assertThat(l.hostBitAddress(32)).isEqualTo(1);             // next bit of PCS lane 0
    }

    /** Summary of a mapping's symbols-per-channel-per-codeword matrix. */
    private static int[] stats(GearboxMap g) {
        int[][] c = g.symbolsPerChannelPerCodeword();
        int max = 0;
        int minUsedChannels = Integer.MAX_VALUE;
        int maxUsedChannels = 0;
        int minNonzero = Integer.MAX_VALUE;
        for (int[] row : c) {
            int used = 0;
            for (int v : row) {
                max = Math.max(max, v);
                if (v > 0) {
                    used++;
                    minNonzero = Math.min(minNonzero, v);
                }
            }
            // every codeword has 544 symbols, each on at least one channel
            assertThat(Arrays.stream(row).sum()).isGreaterThanOrEqualTo(544);
            minUsedChannels = Math.min(minUsedChannels, used);
            maxUsedChannels = Math.max(maxUsedChannels, used);
        }
        return new int[] {max, minNonzero, minUsedChannels, maxUsedChannels};
    }

    private static GearboxMap singleSymbolDealing(Mapping m) {
        return new GearboxMap(new HostLayout(FecSpec.KP4, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.SYMBOLS)), m, 400);
    }

    @Test
    void withCodewordUnitsOnPcsLanesSymbolMappingGivesAtMostTwoSymbolsPerChannel() {
        // every PCS lane alternates the two codewords of its flow, so channel c's symbols alternate codewords too:
        // 544 symbols over all 400 channels → 144 channels with 2 and 256 with 1 (544 = 400 + 144)
        for (Mapping m : new Mapping[] {Mapping.SYMBOL, Mapping.CODEWORD_AWARE}) {
            int[][] c = unitDealing(m).symbolsPerChannelPerCodeword();
            for (int[] row : c) {
                assertThat(Arrays.stream(row).sum()).isEqualTo(544); // symbols kept whole
                assertThat(Arrays.stream(row).filter(v -> v == 2).count()).isEqualTo(144);
                assertThat(Arrays.stream(row).filter(v -> v == 1).count()).isEqualTo(256);
            }
        }
    }

    @Test
    void withSingleSymbolDealingSymbolMappingPutsOneCodewordParityOnEachChannel() {
        // 400 is even and single-symbol dealing alternates codewords over the 16 lanes, so a PCS lane (and hence
        // channel c) only carries codewords of one parity: 544 symbols over 200 channels → 144 channels with 3
        // symbols and 56 with 2 (544 = 200·2 + 144)
        int[][] c = singleSymbolDealing(Mapping.SYMBOL).symbolsPerChannelPerCodeword();
        for (int[] row : c) {
            assertThat(Arrays.stream(row).sum()).isEqualTo(544);
            assertThat(Arrays.stream(row).filter(v -> v == 3).count()).isEqualTo(144);
            assertThat(Arrays.stream(row).filter(v -> v == 2).count()).isEqualTo(56);
            assertThat(Arrays.stream(row).filter(v -> v == 0).count()).isEqualTo(200);
        }
        // codeword-aware does not care how the host dealt the symbols
        assertThat(stats(singleSymbolDealing(Mapping.CODEWORD_AWARE))).containsExactly(2, 1, 400, 400);
    }

    @Test
    void withSingleSymbolDealingBitMappingConcentratesTwentySevenOrEightSymbolsOnAChannel() {
        // a channel's bits come from one host lane = 4 bit-multiplexed PCS lanes, of which it meets 2; each PCS lane
        // carries one codeword, so the channel's 27.2 bits per block land in 2 of the 4 codewords: 27–28 symbols each
        int[] s = stats(singleSymbolDealing(Mapping.BIT));
        assertThat(s[0]).isEqualTo(28);
        assertThat(s[1]).isEqualTo(27);
        assertThat(s[2]).isEqualTo(200);
        // and that is the default host now
        assertThat(stats(mosaic(Mapping.BIT))).containsExactly(s);
    }

    @Test
    void codewordAwareMappingSpreadsEachCodewordOverAllChannels() {
        GearboxMap g = mosaic(Mapping.CODEWORD_AWARE);
        assertThat(stats(g)).containsExactly(2, 1, 400, 400); // ≤ ceil(544/400) = 2 per channel, all 400 channels
    }

    @Test
    void withUnitDealingBitMappingPutsThirteenOrFourteenSymbolsOfEachCodewordOnEachChannel() {
        // 5440 bits / 400 channels = 13.6 bits per codeword per channel; bit-multiplexing puts each in a different symbol
        int[][] c = unitDealing(Mapping.BIT).symbolsPerChannelPerCodeword();
        for (int[] row : c) {
            assertThat(Arrays.stream(row).filter(v -> v == 14).count()).isEqualTo(240); // 240·14 + 160·13 = 5440
            assertThat(Arrays.stream(row).filter(v -> v == 13).count()).isEqualTo(160);
            assertThat(Arrays.stream(row).sum()).isEqualTo(5440);                    // every bit in its own symbol-channel pair
        }
    }

    /** The memo of {@link GearboxMap#of}: the map computed for the same question, and another one for another question. */
    @Test
    void theMemoisedMapIsTheComputedOneAndAnotherMappingOrDealingGetsItsOwn() {
        GearboxMap memo = GearboxMap.of(FecSpec.KP4, HostSpec.HOST_800G, Mapping.SYMBOL, 400);
        assertThat(GearboxMap.of(FecSpec.KP4, HostSpec.HOST_800G, Mapping.SYMBOL, 400)).isSameAs(memo);
        assertThat(slots(memo)).isEqualTo(slots(mosaic(Mapping.SYMBOL)));
        GearboxMap bit = GearboxMap.of(FecSpec.KP4, HostSpec.HOST_800G, Mapping.BIT, 400);
        assertThat(slots(bit)).isEqualTo(slots(mosaic(Mapping.BIT))).isNotEqualTo(slots(memo));
        GearboxMap units = GearboxMap.of(FecSpec.KP4, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.UNITS),
                Mapping.SYMBOL, 400);
        assertThat(slots(units)).isEqualTo(slots(unitDealing(Mapping.SYMBOL))).isNotEqualTo(slots(memo));
    }

    private static int[] slots(GearboxMap map) {
        int[] s = new int[map.bitsPerSuperblock()];
        for (int a = 0; a < s.length; a++) {
            s[a] = map.slot(a);
        }
        return s;
    }
}
