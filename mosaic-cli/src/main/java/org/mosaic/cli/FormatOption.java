package org.mosaic.cli;

import org.mosaic.studies.Output;

import picocli.CommandLine.Option;

/** The {@code --format table|json|csv} option every command that prints results shares. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json or csv (default: ${DEFAULT-VALUE}).")
    Output.Format format;
}
