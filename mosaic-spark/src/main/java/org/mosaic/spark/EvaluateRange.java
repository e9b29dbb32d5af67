package org.mosaic.spark;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A Spark task: rebuilds the sweep's plan from its arguments (the plan is a pure function of them, so every executor
 * builds the same one) and yields the rows of one index range, one point at a time.
 */
final class EvaluateRange implements FlatMapFunction<IndexRanges.Range, Row> {
    private static final long serialVersionUID = 1L;

    private final List<String> sweepArgs;
    private transient PointPlan plan;

    EvaluateRange(List<String> sweepArgs) {
        this.sweepArgs = List.copyOf(sweepArgs);
    }

    @Override
    public Iterator<Row> call(IndexRanges.Range range) {
        if (plan == null) {
            JdkServices.prime();
            plan = Plans.cached(sweepArgs);
        }
        PointPlan p = plan;
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
