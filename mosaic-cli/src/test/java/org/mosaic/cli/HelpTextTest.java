package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help texts go through {@link String#format} in picocli: a bare {@code %} ("50 % of") made it print a warning and the
 * raw text (optics fit's help, found in issue 14's review). Every description of every command and option must format.
 */
class HelpTextTest {
    @Test
    void everyHelpTextFormatsWithoutWarning_issue14() {
        List<String> bad = new ArrayList<>();
        check(new CommandLine(new Main()), bad);
        assertThat(bad).isEmpty();
    }

    private static void check(CommandLine cl, List<String> bad) {
        CommandSpec spec = cl.getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec a : spec.args()) {
            texts.addAll(List.of(a.description()));
        }
        for (String t : texts) {
            try {
                String.format(t);
            } catch (IllegalFormatException e) {
                bad.add(spec.qualifiedName() + ": " + t + " (" + e.getMessage() + ")");
            }
        }
        cl.getSubcommands().values().forEach(sub -> check(sub, bad));
    }
}
