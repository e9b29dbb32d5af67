package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GF(2^m) against naive arithmetic and against galois 0.4.11's primitivity verdicts (vectors file). The field
 * axioms are checked exhaustively where the field is small (every triple for m ≤ 4, the whole multiplication table for m ≤ 8) and on fixed-seed random
 * samples elsewhere (these are exact identities, so a sample can only fail if the field is wrong).
 */
class GaloisFieldTest {

    private static final int[] ALL_M = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    /** Carry-less product reduced mod p, written out here independently of {@link GaloisField#mulNaive}. */
    private static int clmulMod(int a, int b, int m, int p) {
        long prod = 0;
        for (int i = 0; i < m; i++) {
            if (((b >>> i) & 1) != 0) {
                prod ^= (long) a << i;
            }
        }
        for (int d = 2 * m - 2; d >= m; d--) {
            if (((prod >>> d) & 1) != 0) {
                prod ^= (long) p << (d - m);
            }
        }
        return (int) prod;
    }

    private static int powMod(int a, long e, int m, int p) {
        int r = 1;
        int base = a;
        for (long k = e; k > 0; k >>= 1) {
            if ((k & 1) != 0) {
                r = clmulMod(r, base, m, p);
            }
            base = clmulMod(base, base, m, p);
        }
        return r;
    }

    private static List<Long> primeFactors(long x) {
        List<Long> f = new ArrayList<>();
        for (long q = 2; q * q <= x; q++) {
            if (x % q == 0) {
                f.add(q);
                while (x % q == 0) {
                    x /= q;
                }
            }
        }
        if (x > 1) {
            f.add(x);
        }
        return f;
    }

    /** Primitivity by the order test: x^(2^m−1) = 1 and x^((2^m−1)/q) ≠ 1 for every prime q | 2^m − 1. */
    private static boolean primitiveByOrderTest(int m, int p) {
        long order = (1L << m) - 1;
        if (powMod(2, order, m, p) != 1) {
            return false;
        }
        for (long q : primeFactors(order)) {
            if (powMod(2, order / q, m, p) == 1) {
                return false;
            }
        }
        return true;
    }

    @Test
    void standardTableIsPrimitiveForEveryM() {
        for (int m : ALL_M) {
            int p = GaloisField.standardPolynomial(m);
            assertThat(primitiveByOrderTest(m, p)).as("order test for m = %d, p = 0x%X", m, p).isTrue();
            GaloisField f = GaloisField.standard(m);
            assertThat(f.m()).isEqualTo(m);
            assertThat(f.size()).isEqualTo(1 << m);
            assertThat(f.primitivePolynomial()).isEqualTo(p);
        }
        assertThat(GaloisField.standardPolynomial(10)).isEqualTo(0x409);
        assertThat(GaloisField.gf1024().primitivePolynomial()).isEqualTo(0x409); // [intel-an846-kp4], [ieee-8023]
    }

    @Test
    void acceptsExactlyThePolynomialsGaloisCallsPrimitive() {
        RsVectors v = RsVectors.get();
        assertThat(v.primitivity()).hasSizeGreaterThan(500); // every degree-m polynomial with constant term, m ≤ 9
        int accepted = 0;
        for (RsVectors.Primitivity p : v.primitivity()) {
            assertThat(primitiveByOrderTest(p.m(), p.polynomial())).as("order test, 0x%X", p.polynomial())
                    .isEqualTo(p.primitive());
            if (p.primitive()) {
                assertThat(GaloisField.of(p.m(), p.polynomial()).primitivePolynomial()).isEqualTo(p.polynomial());
                accepted++;
            } else {
                assertThatThrownBy(() -> GaloisField.of(p.m(), p.polynomial()))
                        .as("0x%X", p.polynomial())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not primitive")
                        .hasMessageContaining("hint");
            }
        }
        // number of primitive polynomials of degree m is φ(2^m − 1)/m: 1+2+2+6+6+18+16+48 = 99 for m = 2..9
        assertThat(accepted).isEqualTo(99 + 7);
    }

    @Test
    void rejectsBadDegreeAndRange() {
        assertThatThrownBy(() -> GaloisField.of(1, 0x3)).hasMessageContaining("m = 1");
        assertThatThrownBy(() -> GaloisField.of(17, 0x20009)).hasMessageContaining("m = 17");
        assertThatThrownBy(() -> GaloisField.of(10, 0x89)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x89").hasMessageContaining("degree").hasMessageContaining("0x409");
        assertThatThrownBy(() -> GaloisField.of(10, 0x408)).hasMessageContaining("divisible by x");
        // x^4 + x^3 + x^2 + x + 1 is irreducible but x has order 5, not 15
        assertThatThrownBy(() -> GaloisField.of(4, 0x1F)).hasMessageContaining("order 5");
        assertThatThrownBy(() -> GaloisField.standardPolynomial(20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multiplicationTableEqualsCarrylessProductForSmallFieldsExhaustively() {
        for (int m = 2; m <= 8; m++) {
            GaloisField f = GaloisField.standard(m);
            int p = f.primitivePolynomial();
            for (int a = 0; a < f.size(); a++) {
                for (int b = 0; b < f.size(); b++) {
                    int expected = clmulMod(a, b, m, p);
                    assertThat(f.mul(a, b)).isEqualTo(expected);
                    assertThat(f.mulNaive(a, b)).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void logExpInverseAndOrderOfAlpha(int m) {
        GaloisField f = GaloisField.standard(m);
        int order = f.order();
        // α^i runs over every nonzero element exactly once: α has order 2^m − 1
        boolean[] seen = new boolean[f.size()];
        int x = 1;
        for (int i = 0; i < order; i++) {
            assertThat(f.exp(i)).isEqualTo(x);
            assertThat(seen[x]).as("α^%d repeats", i).isFalse();
            seen[x] = true;
            assertThat(f.log(x)).isEqualTo(i);
            x = clmulMod(x, 2, m, f.primitivePolynomial());
        }
        assertThat(x).isEqualTo(1);
        assertThat(f.exp(order)).isEqualTo(1);
        assertThat(f.exp(-1)).isEqualTo(f.exp(order - 1));
        for (int a = 1; a < f.size(); a++) {
            int inv = f.inv(a);
            assertThat(clmulMod(a, inv, m, f.primitivePolynomial())).as("a·a⁻¹ for a = %d", a).isEqualTo(1);
            assertThat(f.div(1, a)).isEqualTo(inv);
        }
    }

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void fieldAxiomsOnSeededSamples(int m) {
        GaloisField f = GaloisField.standard(m);
        SplittableRandom rnd = new SplittableRandom(0x5EED0000L + m);
        int samples = m <= 4 ? 0 : 20_000;
        if (m <= 4) { // all triples
            for (int a = 0; a < f.size(); a++) {
                for (int b = 0; b < f.size(); b++) {
                    for (int c = 0; c < f.size(); c++) {
                        checkAxioms(f, a, b, c);
                    }
                }
            }
        }
        for (int s = 0; s < samples; s++) {
            checkAxioms(f, rnd.nextInt(f.size()), rnd.nextInt(f.size()), rnd.nextInt(f.size()));
        }
    }

    private static void checkAxioms(GaloisField f, int a, int b, int c) {
        assertThat(f.mul(a, f.mul(b, c))).isEqualTo(f.mul(f.mul(a, b), c));          // associativity
        assertThat(f.mul(a, b)).isEqualTo(f.mul(b, a));                               // commutativity
        assertThat(f.mul(a, f.add(b, c))).isEqualTo(f.add(f.mul(a, b), f.mul(a, c))); // distributivity
        assertThat(f.mul(a, 1)).isEqualTo(a);
        assertThat(f.add(a, a)).isZero();                                             // characteristic 2
        if (b != 0) {
            assertThat(f.mul(f.div(a, b), b)).isEqualTo(a);
        }
        if (a != 0 && b != 0) {
            assertThat(f.log(f.mul(a, b))).isEqualTo((f.log(a) + f.log(b)) % f.order());
        }
    }

    @Test
    void powMatchesRepeatedMultiplicationIncludingNegativeAndHugeExponents() {
        GaloisField f = GaloisField.gf1024();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int s = 0; s < 2000; s++) {
            int a = 1 + rnd.nextInt(f.order());
            long e = rnd.nextLong();
            long reduced = Math.floorMod(e, (long) f.order());
            assertThat(f.pow(a, e)).isEqualTo(powMod(a, reduced, 10, 0x409));
            assertThat(f.mul(f.pow(a, e), f.pow(a, -e))).isEqualTo(1);
        }
        assertThat(f.pow(0, 0)).isEqualTo(1);
        assertThat(f.pow(0, 5)).isZero();
        assertThat(f.pow(3, Long.MIN_VALUE)).isEqualTo(powMod(3, Math.floorMod(Long.MIN_VALUE, 1023L), 10, 0x409));
        assertThatThrownBy(() -> f.pow(0, -1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void operandErrorsNameTheValue() {
        GaloisField f = GaloisField.gf1024();
        assertThatThrownBy(() -> f.mul(1024, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024").hasMessageContaining("0 … 1023");
        assertThatThrownBy(() -> f.add(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.div(5, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> f.inv(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> f.log(0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void checkingModeAgreesWithTablesOnGoodFields() {
        for (int m : new int[] {3, 10, 16}) {
            GaloisField f = GaloisField.standard(m);
            GaloisField c = f.checking();
            assertThat(c.isChecking()).isTrue();
            assertThat(c.checking()).isSameAs(c);
            SplittableRandom rnd = new SplittableRandom(11);
            for (int s = 0; s < 500; s++) {
                int a = rnd.nextInt(f.size());
                int b = 1 + rnd.nextInt(f.order());
                long e = rnd.nextLong(-5000, 5000);
                assertThat(c.mul(a, b)).isEqualTo(f.mul(a, b));
                assertThat(c.div(a, b)).isEqualTo(f.div(a, b));
                assertThat(c.inv(b)).isEqualTo(f.inv(b));
                assertThat(c.log(b)).isEqualTo(f.log(b));
                assertThat(c.exp((int) e)).isEqualTo(f.exp((int) e));
                assertThat(c.pow(b, e)).isEqualTo(f.pow(b, e));
            }
        }
    }

    @Test
    void checkingModeCatchesACorruptedTable() throws ReflectiveOperationException {
        GaloisField f = GaloisField.of(5, 0x25); // a private instance: its tables are not shared with other tests
        Field expField = GaloisField.class.getDeclaredField("exp");
        expField.setAccessible(true);
        int[] exp = (int[]) expField.get(f);
        int a = exp[3];
        int b = exp[4];
        exp[7] ^= 1; // α^7 is now wrong in the table
        assertThat(f.mul(a, b)).isNotEqualTo(f.mulNaive(a, b)); // the fast path is silently wrong...
        assertThatThrownBy(() -> f.checking().mul(a, b))          // ...and checking mode says so
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("naive");
    }
}
