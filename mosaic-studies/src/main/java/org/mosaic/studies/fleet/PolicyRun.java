package org.mosaic.studies.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mosaic.cluster.FleetModel;

/**
 * One policy evaluated on the cluster: the fleet model's result (unwrapped: its keys are the run's) and the
 * interruptions of a training job on it; the power and failures by tier are for charts, not the JSON.
 *
 * @param result               the fleet model's evaluation under the policy
 * @param trainingJob          link interruptions of a job on the study's job GPUs
 * @param powerWattsByTier     interconnect power (W) by tier
 * @param failuresPerDayByTier expected link failures per day by tier
 */
public record PolicyRun(@JsonUnwrapped FleetModel.Result result, JobView trainingJob,
                        @JsonIgnore Map<String, Double> powerWattsByTier, @JsonIgnore Map<String, Double> failuresPerDayByTier) {
    public PolicyRun {
        powerWattsByTier = Collections.unmodifiableMap(new LinkedHashMap<>(powerWattsByTier));
        failuresPerDayByTier = Collections.unmodifiableMap(new LinkedHashMap<>(failuresPerDayByTier));
    }

    /** The run as one flat row (CSV): its numbers without the full metrics and the length histograms. */
    public Row row() {
        return new Row(result, trainingJob);
    }

    /** A run without {@code metrics} and {@code lengthHistograms}, for one row of a table of policies. */
    public record Row(@JsonUnwrapped @JsonIgnoreProperties({"metrics", "lengthHistograms"}) FleetModel.Result result, JobView trainingJob) {
    }
}
