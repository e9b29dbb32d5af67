package org.mosaic.sweep;

import java.util.SplittableRandom;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * A fixture study for the runner's mechanics (fast, closed-form): a line of {@code lanes} lanes over {@code length},
 * with a seeded draw so that the seed column matters; {@code lanes} below 1 is refused, as a real study refuses a bad
 * input.
 */
final class LineStudy implements Study<LineStudy.Input, LineStudy.Result> {
    record Input(@In(value = "Length.", unit = "m", defaultValue = "1 m") double length,
                 @In(value = "Lanes.", unit = "1", defaultValue = "2") int lanes,
                 @In(value = "A word.", defaultValue = "a") String mode,
                 @In(value = "Seed.", unit = "1", defaultValue = "0") long seed) {
    }

    public record Result(double lossDb, double perLaneWatts, double draw, boolean long_) {
    }

    @Override
    public String name() {
        return "line";
    }

    @Override
    public String question() {
        return "A fixture.";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Input in, Progress progress) {
        if (in.lanes() < 1) {
            throw new UsageException("lanes " + in.lanes() + ": expected at least 1");
        }
        return new Result(0.2 * in.length(), 1.5 / in.lanes(), new SplittableRandom(in.seed()).nextDouble(), in.length() > 10);
    }
}
