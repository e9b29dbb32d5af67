package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the uncertainty and sensitivity commands share: the study, its edits, and which of its ranged inputs vary over
 * which ranges (the documents' provenance {@code range:} entries unless given by hand).
 */
public final class RangedInputsOptions {
    @Parameters(index = "0", paramLabel = "STUDY", description = "The study (as `mosaic studies` lists it), e.g. cable.")
    String study;

    @Option(names = "--range", paramLabel = "KEY=DIST [UNIT]", description = "A range given by hand, e.g. "
            + "cable.fiber.attenuation=\"loguniform(0.05, 0.5) dB/m\" (repeatable; given ranges replace the documents').")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--inputs", split = ",", paramLabel = "KEY,...", description = "Vary only these ranged inputs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An edit of the study's inputs first (as `mosaic run --set`).")
    List<String> sets = new ArrayList<>();
}
