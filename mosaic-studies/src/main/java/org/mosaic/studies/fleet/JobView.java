package org.mosaic.studies.fleet;

import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.studies.Metric;

/**
 * Link interruptions of a synchronous training job on {@code gpus} of the cluster's GPUs: a failure of any link the
 * job uses stops it. The job uses its share f = gpus / cluster GPUs of the scale-up, GPU-leaf and leaf-spine links;
 * spine-core links are counted whole (collectives that cross pods can meet any of them; conservative).
 *
 * @param gpus                          the job's GPUs
 * @param shareOfCluster                f, its share of the cluster's GPUs
 * @param linkInterruptionsPerDay       expected link failures per day that stop the job
 * @param meanHoursBetweenInterruptions 24 / interruptions per day (null without any)
 * @param assumption                    the assumption above, in words
 */
public record JobView(long gpus, double shareOfCluster, double linkInterruptionsPerDay,
                      @Metric(unit = "h", value = "mean time between the job's link interruptions") Double meanHoursBetweenInterruptions,
                      String assumption) {
    /** The job on {@code jobGpus} of the evaluated cluster {@code r}. */
    public static JobView of(FleetModel.Result r, long jobGpus) {
        double f = Math.min(1, (double) jobGpus / r.gpus());
        double perDay = 0;
        for (FleetMetrics.GroupRow g : r.metrics().groups()) {
            perDay += g.failuresPerDay() * (g.tier().equals("spine-core") ? (f > 0 ? 1 : 0) : f);
        }
        return new JobView(jobGpus, f, perDay, perDay > 0 ? 24 / perDay : null, "a failure of any link the job uses stops it; "
                + "the job uses its GPU share of scale-up, GPU-leaf and leaf-spine links and every spine-core link");
    }
}
