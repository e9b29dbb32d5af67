package org.mosaic.spark;

import java.util.List;

/** What a Spark task needs of a sweep plan: its size, its columns, and one row per point index (a pure function). */
interface PointPlan {
    long size();

    List<Column> columns();

    Object[] evaluate(long index);
}
