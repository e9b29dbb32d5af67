package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.UsageException;

class SweepPlanTest {
    static SweepPlan plan(String... args) {
        return SweepPlan.of(SweepSpec.parse(List.of(args)));
    }

    @Test
    void aGridHasTheProductOfItsAxesAndVisitsEachCombinationOnce() {
        SweepPlan p = plan("cable", "--vary", "cable.fiber.length=10 m..50 m:10 m", "--vary", "cable.host.attachment=pluggable,cpo",
                "--vary", "cable.link.array.rows=16,20,24");
        assertThat(p.size()).isEqualTo(5 * 2 * 3);
        Set<List<String>> seen = new HashSet<>();
        for (long i = 0; i < p.size(); i++) {
            seen.add(new ArrayList<>(p.assignments(i).values()));
        }
        assertThat(seen).hasSize(30);
        // the last axis varies fastest, the first slowest
        assertThat(p.assignments(0)).containsEntry("cable.fiber.length", "10 m").containsEntry("cable.link.array.rows", "16");
        assertThat(p.assignments(1)).containsEntry("cable.fiber.length", "10 m").containsEntry("cable.link.array.rows", "20");
        assertThat(p.assignments(29)).containsEntry("cable.fiber.length", "50 m").containsEntry("cable.host.attachment", "cpo")
                .containsEntry("cable.link.array.rows", "24");
    }

    @Test
    void columnsAreThePointTheSeedTheAxesTheMetricsAndTheError() {
        SweepPlan p = plan("cable", "--vary", "cable.fiber.length=10 m,20 m", "--vary", "cable.host.attachment=pluggable,cpo",
                "--metrics", "power.perEndWatts,reliability.linkFit,channelCloses");
        assertThat(p.columns()).extracting(Column::name).containsExactly("point", "seed", "cable.fiber.length",
                "cable.fiber.length [m]", "cable.host.attachment", "power.perEndWatts [W]", "reliability.linkFit [FIT]",
                "channelCloses", "error");
        assertThat(p.columns()).extracting(Column::type).containsExactly(Column.Type.BIGINT, Column.Type.BIGINT,
                Column.Type.VARCHAR, Column.Type.DOUBLE, Column.Type.VARCHAR, Column.Type.DOUBLE, Column.Type.DOUBLE,
                Column.Type.DOUBLE, Column.Type.VARCHAR);
    }

    /** Found by the JMH run: the cable's own "seed" metric and the sweep's seed column had one name, which DuckDB refused. */
    @Test
    void aMetricNamedLikeARowColumnKeepsItsUnitInTheName_seedClash() {
        SweepPlan p = plan("cable", "--vary", "cable.fiber.length=10 m,20 m");
        List<String> names = p.columns().stream().map(Column::name).toList();
        assertThat(names).contains("seed [1]").doesNotHaveDuplicates();
        assertThat(names.get(1)).isEqualTo("seed");
        assertThat(names.get(names.size() - 1)).isEqualTo("error");
    }

    @Test
    void aPointsRowHoldsTheStudysOwnNumbers() {
        SweepPlan p = plan("cable", "--vary", "cable.host.attachment=pluggable,cpo", "--metrics", "power.perEndWatts");
        Object[] pluggable = p.evaluate(0);
        Object[] cpo = p.evaluate(1);
        assertThat(pluggable[pluggable.length - 1]).isNull();
        assertThat((Double) pluggable[3]).isPositive();
        // the co-packaged host SerDes (0.2 W) draws less than the pluggable's (2.4 W): the study's own answer, per end
        assertThat((Double) cpo[3]).isLessThan((Double) pluggable[3]);
        assertThat(p.evaluate(1)).isEqualTo(cpo);
    }

    @Test
    void aFailedPointCarriesItsReasonAndTheSweepGoesOn() {
        SweepPlan p = plan("cable", "--vary", "cable.host.attachment=pluggable,teleport", "--metrics", "power.perEndWatts");
        Object[] bad = p.evaluate(1);
        assertThat((String) bad[bad.length - 1]).contains("teleport");
        assertThat(bad[3]).isNull();
        assertThat(p.evaluate(0)[4]).isNull();
    }

    @Test
    void anUnknownDocumentKeyIsRefusedWithTheClosestKeys() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fibre.length=10 m,20 m")).isInstanceOf(UsageException.class)
                .hasMessageContaining("cable.fibre.length").hasMessageContaining("cable.fiber.length");
        assertThatThrownBy(() -> plan("cable", "--vary", "cabel=mosaic-800g")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not an input").hasMessageContaining("cable");
    }

    @Test
    void aUnitThatDoesNotFitTheKeyIsRefused() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10 Gb/s..50 Gb/s:10 Gb/s"))
                .isInstanceOf(UsageException.class).hasMessageContaining("Gb/s").hasMessageContaining("length");
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10..50:10"))
                .isInstanceOf(UsageException.class).hasMessageContaining("bare number");
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.link.array.rows=10 m,20 m"))
                .isInstanceOf(UsageException.class).hasMessageContaining("plain number");
    }

    @Test
    void moreThanTheLimitIsRefusedUnlessForced() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=1 m..100 m:1 m", "--vary",
                "cable.link.array.rows=1..100:1", "--max-points", "5000")).isInstanceOf(UsageException.class)
                .hasMessageContaining("10,000 points").hasMessageContaining("--force");
        assertThat(plan("cable", "--vary", "cable.fiber.length=1 m..100 m:1 m", "--vary", "cable.link.array.rows=1..100:1",
                "--max-points", "5000", "--force").size()).isEqualTo(10_000);
    }

    @Test
    void anUnknownMetricIsRefusedWithCloseNames() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10 m,20 m", "--metrics", "power.perEndWatt"))
                .isInstanceOf(UsageException.class).hasMessageContaining("power.perEndWatts");
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10 m,20 m", "--metrics", "checks[].ok"))
                .isInstanceOf(UsageException.class).hasMessageContaining("checks[0].ok");
        assertThat(plan("cable", "--vary", "cable.fiber.length=10 m,20 m", "--metrics", "power.breakdown[0].watts").columns())
                .extracting(Column::name).contains("power.breakdown[0].watts [W]");
    }

    @Test
    void aListElementIsPickedByItsNameAndItsColumnCarriesTheNameAndUnit() {
        SweepPlan p = plan("cable", "--vary", "cable.host.attachment=pluggable,cpo", "--metrics",
                "power.breakdown[LED bias],power.breakdown[host interface].watts,power.breakdown[0].watts,power.breakdown[8].watts");
        List<String> names = p.columns().stream().map(Column::name).toList();
        assertThat(names).contains("power.breakdown[LED bias] [W]", "power.breakdown[host interface].watts [W]");
        for (long i = 0; i < p.size(); i++) {
            Object[] row = p.evaluate(i);
            assertThat(row[row.length - 1]).isNull();
            // the same element picked by name and by index (the cable's breakdown lists LED bias first, the host last)
            assertThat((Double) row[names.indexOf("power.breakdown[LED bias] [W]")]).isPositive()
                    .isEqualTo(row[names.indexOf("power.breakdown[0].watts [W]")]);
            assertThat(row[names.indexOf("power.breakdown[host interface].watts [W]")])
                    .isEqualTo(row[names.indexOf("power.breakdown[8].watts [W]")]);
        }
        // the host interface's share depends on the attachment (a pluggable's host SerDes against a co-packaged one)
        assertThat((Double) p.evaluate(0)[names.indexOf("power.breakdown[host interface].watts [W]")])
                .isGreaterThan((Double) p.evaluate(1)[names.indexOf("power.breakdown[host interface].watts [W]")]);
    }

    @Test
    void aMapsValueMayBeNamedInBrackets() {
        SweepPlan p = plan("train", "--vary", "globalBatch=1024,2048", "--metrics", "breakdown[pipelineBubble],breakdown.pipelineBubble");
        assertThat(p.columns()).extracting(Column::name).contains("breakdown[pipelineBubble] [s]", "breakdown.pipelineBubble [s]");
    }

    @Test
    void anElementByNameWithSeveralNumbersIsRefusedNamingThem() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10 m,20 m", "--metrics", "reliability.contributions[LED]"))
                .isInstanceOf(UsageException.class).hasMessageContaining("reliability.contributions[LED].averagedFit");
    }

    @Test
    void numberFollowsIndexesNamesAndMapKeys() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"power": {"breakdown": [{"item": "LED bias", "watts": 1.5}, {"item": "3.2 Gb/s lane", "watts": 2},
                  {"name": "x", "item": "LED bias", "watts": 9}]},
                 "runs": [{"breakdown": {"all-reduce": 0.25}}], "ok": true}""");
        assertThat(SweepPlan.number(tree, "power.breakdown[LED bias].watts")).isEqualTo(1.5);
        assertThat(SweepPlan.number(tree, "power.breakdown[3.2 Gb/s lane].watts")).isEqualTo(2.0);
        assertThat(SweepPlan.number(tree, "power.breakdown[1].watts")).isEqualTo(2.0);
        assertThat(SweepPlan.number(tree, "power.breakdown[x].watts")).isEqualTo(9.0);   // "name" names it before "item"
        assertThat(SweepPlan.number(tree, "runs[0].breakdown[all-reduce]")).isEqualTo(0.25);
        assertThat(SweepPlan.number(tree, "runs[0].breakdown.all-reduce")).isEqualTo(0.25);
        assertThat(SweepPlan.number(tree, "power.breakdown[LED bais].watts")).isNull();
        assertThat(SweepPlan.number(tree, "power.breakdown[7].watts")).isNull();
        assertThat(SweepPlan.number(tree, "ok")).isEqualTo(1.0);
    }

    /** The sweep's Sobol' points come from the studies' shared sequence (UnitSobol) and are the ones it drew before. */
    @Test
    void sobolSamplingStartsAtTheOriginOfTheSharedSequence_sameAsBeforeSharing() {
        Sampler s = new Sampler(SweepSpec.Method.SOBOL, 4, 2, 0);
        assertThat(s.point(0)).containsExactly(0.0, 0.0);
        assertThat(s.point(1)).containsExactly(0.5, 0.5);
        assertThat(s.point(2)).containsExactly(0.75, 0.25);
        assertThat(s.point(3)).containsExactly(0.25, 0.75);
        org.hipparchus.random.SobolSequenceGenerator walk = new org.hipparchus.random.SobolSequenceGenerator(5);
        Sampler five = new Sampler(SweepSpec.Method.SOBOL, 100, 5, 7);
        for (int i = 0; i < 100; i++) {
            assertThat(five.point(i)).containsExactly(walk.nextVector());
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fibre.length=10 m,20 m", "--vary", "cable.link.array.rows=1..5",
                "--metrics", "nope")).isInstanceOf(UsageException.class).hasMessageContaining("3 problems");
    }

    @Test
    void aRangeWithoutAStepNeedsSampling() {
        assertThatThrownBy(() -> plan("cable", "--vary", "cable.fiber.length=10 m..50 m")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--sample");
        assertThat(plan("cable", "--vary", "cable.fiber.length=10 m..50 m", "--sample", "lhs:10").size()).isEqualTo(10);
    }

    @Test
    void anUnknownStudyIsRefusedWithTheClosestName() {
        assertThatThrownBy(() -> plan("cabel")).isInstanceOf(UsageException.class).hasMessageContaining("cable");
    }

    /**
     * The defining property of a Latin hypercube: on every axis each of the N strata holds exactly one point. Checked
     * on the unit coordinates and on the values of continuous ranges (each value in its own N-th of the span).
     */
    @Test
    void latinHypercubeHitsEachStratumExactlyOncePerAxis() {
        for (int n : new int[] {1, 2, 7, 64, 1000}) {
            SweepPlan p = plan("cable", "--vary", "cable.fiber.length=10 m..50 m", "--vary", "cable.led.averagePower=100 uW..500 uW",
                    "--vary", "cable.link.berTarget=1e-12..1e-3:log", "--sample", "lhs:" + n, "--seed", "11");
            for (int axis = 0; axis < 3; axis++) {
                boolean[] hit = new boolean[n];
                for (long i = 0; i < n; i++) {
                    double u = p.unitPoint(i)[axis];
                    int stratum = (int) Math.floor(u * n);
                    assertThat(hit[stratum]).as("n=%d axis %d stratum %d hit twice", n, axis, stratum).isFalse();
                    hit[stratum] = true;
                }
            }
            for (long i = 0; i < n; i++) {
                double metres = Double.parseDouble(p.assignments(i).get("cable.fiber.length").replace(" m", ""));
                assertThat(metres).isBetween(10.0, 50.0);
            }
        }
    }

    @Test
    void aSampledPointIsAPureFunctionOfSeedAndIndex() {
        SweepPlan a = plan("cable", "--vary", "cable.fiber.length=10 m..50 m", "--sample", "lhs:100", "--seed", "5");
        SweepPlan b = plan("cable", "--vary", "cable.fiber.length=10 m..50 m", "--sample", "lhs:100", "--seed", "5");
        SweepPlan c = plan("cable", "--vary", "cable.fiber.length=10 m..50 m", "--sample", "lhs:100", "--seed", "6");
        for (long i = 99; i >= 0; i--) {   // in reverse: nothing carries over from one point to the next
            assertThat(a.assignments(i)).isEqualTo(b.assignments(i));
        }
        assertThat(a.assignments(3)).isNotEqualTo(c.assignments(3));
    }

    @Test
    void sobolPointsAreTheSequencesAndStayInTheRanges() {
        SweepPlan p = plan("cable", "--vary", "cable.fiber.length=0 m..64 m", "--vary", "cable.host.attachment=pluggable,cpo",
                "--sample", "sobol:8");
        // the first Sobol' points in one dimension: 0, 1/2, 3/4, 1/4, ...
        assertThat(p.assignments(0).get("cable.fiber.length")).isEqualTo("0 m");
        assertThat(p.assignments(1).get("cable.fiber.length")).isEqualTo("32 m");
        assertThat(p.assignments(2).get("cable.fiber.length")).isEqualTo("48 m");
        long cpo = 0;
        for (long i = 0; i < 8; i++) {
            cpo += p.assignments(i).get("cable.host.attachment").equals("cpo") ? 1 : 0;
        }
        assertThat(cpo).isEqualTo(4);
    }

    /** A permutation by Feistel network and cycle-walking is a bijection of [0, n) for any n. */
    @Test
    void theLatinHypercubePermutationIsABijection() {
        long[] keys = {1, 2, 3, 4};
        for (long n : new long[] {1, 2, 3, 5, 17, 1000, 4097}) {
            boolean[] seen = new boolean[(int) n];
            for (long i = 0; i < n; i++) {
                int j = (int) Sampler.permute(i, n, keys);
                assertThat(seen[j]).isFalse();
                seen[j] = true;
            }
        }
    }
}
