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

    /** Every study, in the order of the questions: channel, cable, datapath, fleet, training, the report. */
    public static List<Study<?, ?>> all() {
        List<Study<?, ?>> all = new ArrayList<>();
        // (each slice adds its studies here)
        all.add(new org.mosaic.studies.training.TrainStudy());
        all.add(new org.mosaic.studies.training.TrainingReportStudy());
        return List.copyOf(all);
    }

    public static Optional<Study<?, ?>> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
