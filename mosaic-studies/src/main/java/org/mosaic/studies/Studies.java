package org.mosaic.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every study Mosaic has: what {@code mosaic studies} lists, what the web studio and the sweep runners offer. A new
 * study is added here (see docs/architecture.md).
 */
public final class Studies {
    private Studies() {
    }

    /** Every study, in the order of the questions: channel, cable, datapath, fleet, training, goodput, serving; each area's report study after its questions. */
    public static List<Study<?, ?>> all() {
        List<Study<?, ?>> all = new ArrayList<>();
        all.add(new org.mosaic.studies.channel.ChannelStudy());
        all.add(new org.mosaic.studies.channel.ChannelSweepStudy());
        all.add(new org.mosaic.studies.channel.ChannelFitStudy());
        all.add(new org.mosaic.studies.channel.ChannelCalibrationStudy());
        all.add(new org.mosaic.studies.channel.ChannelReportStudy());
        all.add(new org.mosaic.studies.cable.CableStudy());
        all.add(new org.mosaic.studies.cable.CompareStudy());
        all.add(new org.mosaic.studies.cable.CableReportStudy());
        all.add(new org.mosaic.studies.datapath.EmulateStudy());
        all.add(new org.mosaic.studies.datapath.DatapathReportStudy());
        all.add(new org.mosaic.studies.fleet.FleetStudy());
        all.add(new org.mosaic.studies.fleet.FleetReportStudy());
        all.add(new org.mosaic.studies.training.TrainStudy());
        all.add(new org.mosaic.studies.training.TrainingReportStudy());
        all.add(new org.mosaic.studies.goodput.GoodputStudy());
        all.add(new org.mosaic.studies.inference.InferenceStudy());
        all.add(new org.mosaic.studies.inference.ServingReportStudy());
        all.add(new org.mosaic.studies.uncertainty.UncertaintyStudy());
        all.add(new org.mosaic.studies.uncertainty.SensitivityStudy());
        all.add(new org.mosaic.studies.claims.ClaimsStudy());
        all.add(new org.mosaic.studies.channel.ChannelEyeStudy());
        all.add(new org.mosaic.studies.datapath.FlrCurvesStudy());
        return List.copyOf(all);
    }

    public static Optional<Study<?, ?>> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
