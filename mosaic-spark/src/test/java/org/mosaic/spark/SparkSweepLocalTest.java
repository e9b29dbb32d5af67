package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepLocalTest {
    @TempDir
    Path tmp;

    @Test
    void sparkLocal2RowsEqualThePlansRowsSortedByPointWithTheSameErrorText() {
        Path out = tmp.resolve("sweep");
        List<String> args = List.of("cable", "--vary", "cable.fiber.length=5 m,10 m,-3 m", "--vary", "cable.plan.parity=0,40",
                "--out", out.toString());
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = SparkSweep.run(concat(args, "--spark", "local[2]"), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).as(e.toString(StandardCharsets.UTF_8)).isZero();

        PointPlan plan = Plans.of(args);
        List<Object[]> expected = new ArrayList<>();
        for (long i = 0; i < plan.size(); i++) {
            expected.add(plan.evaluate(i));
        }
        List<Object[]> actual = read(out);
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("point %d", i).containsExactly(expected.get(i));
        }
        assertThat(expected).anySatisfy(r -> assertThat(r[r.length - 1]).isNotNull());
        assertThat(o.toString(StandardCharsets.UTF_8)).contains("6 points").contains("2 failed");
    }

    static List<Object[]> read(Path out) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Object[]> rows = new ArrayList<>();
            for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
                Object[] v = new Object[r.length()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.get(i);
                }
                rows.add(v);
            }
            rows.sort(Comparator.comparingLong(r -> (Long) r[0]));
            return rows;
        } finally {
            spark.stop();
        }
    }

    static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }
}
