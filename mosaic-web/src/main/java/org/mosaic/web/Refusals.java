package org.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.units.UnitException;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * Bad input found by the binder or the study (a {@link UsageException}, {@link ScenarioException} or {@link UnitException},
 * exactly what the CLI answers with exit 2) as a 422 with its problems: one per line of a several-problem message, each with
 * the input it names (the first declared input name the line mentions), what was expected and the hint, read from the
 * message's "expected ..." and "(hint: ...)" parts.
 */
final class Refusals {
    private static final Pattern EXPECTED = Pattern.compile("expected (.*?)(?:\\s*\\(hint: |$)", Pattern.DOTALL);
    /** "key:" at the start of a problem, then maybe a dotted path inside a document, then maybe the value before a dash. */
    private static final Pattern LEAD = Pattern.compile("^([\\w-]+(?:\\.[\\w\\[\\]-]+)*):(?: ([\\w-]+(?:\\.[\\w\\[\\]-]+)+):)?"
            + "(?: (\"[^\"]*\"|[^\\s—]+) —)?");
    private static final Pattern HINT = Pattern.compile("\\(hint: (.*)\\)\\s*$", Pattern.DOTALL);

    private Refusals() {
    }

    /** Whether {@code t} (or a cause) is the user's bad input. */
    static RuntimeException badInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UsageException || c instanceof ScenarioException || c instanceof UnitException) {
                return (RuntimeException) c;
            }
        }
        return null;
    }

    /** The refusal of {@code study}'s input as a 422. */
    static ApiException of(Study<?, ?> study, RuntimeException e) {
        String message = e.getMessage() == null ? "refused" : e.getMessage().strip();
        if (e instanceof ScenarioException se && !se.problems().isEmpty()) {
            String doc = study == null ? null : soleDocument(study);
            List<Problem> problems = new ArrayList<>();
            for (org.mosaic.core.scenario.Problem p : se.problems()) {
                String path = p.path() == null || p.path().isEmpty() ? doc : doc == null ? p.path() : doc + "." + p.path();
                Matcher h = HINT.matcher(p.expected());
                String hint = h.find() ? h.group(1).strip() : null;
                String expected = hint == null ? p.expected() : p.expected().substring(0, h.start()).strip();
                problems.add(new Problem(path, p.value() == null ? null : TextNode.valueOf(p.value()), expected, hint,
                        (p.path() == null ? "" : p.path() + ": ") + (p.value() == null ? "" : "\"" + p.value() + "\" — ") + p.expected()));
            }
            return new ApiException(422, message, problems);
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.startsWith("- ")) {
                lines.add(l.substring(2));
            }
        }
        if (lines.isEmpty()) {
            lines.add(message);
        }
        List<Problem> problems = new ArrayList<>();
        Matcher first = LEAD.matcher(message);
        String outer = lines.size() == 1 && lines.get(0).equals(message) || !first.find() ? null : first.group(1);
        for (String l : lines) {
            problems.add(problem(study, outer, l));
        }
        return new ApiException(422, message, problems);
    }

    /** The study's one document input, or null when it has none or several. */
    private static String soleDocument(Study<?, ?> study) {
        List<String> docs = study.inputs().stream().filter(i -> i.type().startsWith("document")).map(InputSpec::name).toList();
        return docs.size() == 1 ? docs.get(0) : null;
    }

    static Problem problem(Study<?, ?> study, String outer, String line) {
        String input = null;
        JsonNode value = null;
        Matcher lead = LEAD.matcher(line);
        if (lead.find()) {
            // "key: message", "key: path: message", "key: \"value\" — message": the binder's and the documents' form
            String key = lead.group(1);
            boolean declared = study != null && study.inputs().stream().anyMatch(i -> i.name().equals(key));
            input = declared || outer == null ? key : outer + "." + key;
            if (lead.group(2) != null) {
                input = input + "." + lead.group(2);
            }
            String v = lead.group(3);
            if (v != null) {
                value = TextNode.valueOf(v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v);
            }
        } else if (study != null) {
            int best = Integer.MAX_VALUE;
            for (InputSpec s : study.inputs()) {
                Matcher m = Pattern.compile("(?<![\\w.-])" + Pattern.quote(s.name()) + "(?:\\.[\\w.\\[\\]-]+)?(?![\\w-])").matcher(line);
                if (m.find() && m.start() < best) {
                    best = m.start();
                    input = m.group();
                }
            }
        }
        Matcher e = EXPECTED.matcher(line);
        String expected = e.find() ? e.group(1).strip() : line;
        Matcher h = HINT.matcher(line);
        String hint = h.find() ? h.group(1).strip() : null;
        return new Problem(input, value, expected, hint, line);
    }
}
