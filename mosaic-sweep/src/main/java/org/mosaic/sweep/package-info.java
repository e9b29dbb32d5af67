/**
 * Sweeps and samples over any study: {@link org.mosaic.sweep.SweepSpec} (the parsed arguments),
 * {@link org.mosaic.sweep.SweepPlan} (point index → assignments → row, a pure function of the index), the local runner
 * and the Parquet/CSV writers. A front end (the CLI's {@code sweep} command, the Spark runner) only parses arguments
 * into a spec and hands the plan to a runner. See docs/sweeps.md.
 */
package org.mosaic.sweep;
