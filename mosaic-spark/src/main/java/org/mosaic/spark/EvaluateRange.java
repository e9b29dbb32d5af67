package org.mosaic.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/**
 * A Spark task: rebuilds the sweep's plan from its spec (the plan is a pure function of it, so every executor
 * builds the same one) and yields the rows of one index range, one point at a time.
 */
final class EvaluateRange implements FlatMapFunction<IndexRanges.Range, Row> {
    private static final long serialVersionUID = 1L;

    private final SweepSpec spec;
    private transient SweepPlan plan;

    EvaluateRange(SweepSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(IndexRanges.Range range) {
        if (plan == null) {
            JdkServices.prime();
            plan = Plans.cached(spec);
        }
        SweepPlan p = plan;
        return new Iterator<>() {
            private long next = range.first();

            @Override
            public boolean hasNext() {
                return next < range.end();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return RowFactory.create(p.evaluate(next++));
            }
        };
    }
}
