package org.mosaic.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML or JSON syntax error from the parser libraries into a message for the person who wrote
 * the file: the file, line and column, the offending line as written, what is wrong in plain words and
 * a hint — never the library's token names ({@code <block end>}), exception classes or feature flags.
 */
final class ParseErrors {
    /** The last "line N, column M" of a SnakeYAML message is where the problem is (earlier marks give context). */
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern JSON_CHAR = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");

    /** One translation: a pattern of the library's message and the plain words (with $1 … from the pattern). */
    private record Rule(Pattern pattern, String words) {
        Rule(String regex, String words) {
            this(Pattern.compile(regex, Pattern.DOTALL), words);
        }
    }

    private static final List<Rule> YAML_RULES = List.of(
            new Rule(".*found character '\\\\t\\(TAB\\)' that cannot start any token.*",
                    "a tab character: YAML indents with spaces only (hint: replace the tab by spaces)"),
            new Rule(".*found character '(.+?)' that cannot start any token.*",
                    "a value cannot start with '$1' (hint: put the value in quotes, e.g. \"$1...\")"),
            new Rule(".*while scanning a quoted scalar.*found unexpected end of stream.*",
                    "a quoted value is never closed (hint: add the closing quote on the same line)"),
            new Rule(".*while parsing a flow sequence.*expected ',' or '\\]'.*",
                    "a list opened with '[' is not closed with ']' (hint: close it, or write one \"- item\" per line)"),
            new Rule(".*while parsing a flow mapping.*expected ',' or '\\}'.*",
                    "a section opened with '{' is not closed with '}' (hint: close it, or write one \"key: value\" per line)"),
            new Rule(".*while parsing a block collection.*",
                    "a list item (\"- ...\") and a \"key: value\" line are mixed at the same indentation (hint: indent the "
                            + "list under its key)"),
            new Rule(".*mapping values are not allowed here.*",
                    "a \"key:\" where a value was expected (hint: align this line with the keys above it, or quote a value "
                            + "that contains \": \")"),
            new Rule(".*while parsing a block mapping.*expected <block end>, but found '<block mapping start>'.*",
                    "this line is indented more than the key above it, which already has a value (hint: align it with the "
                            + "other keys)"),
            new Rule(".*while parsing a block mapping.*expected <block end>, but found '<scalar>'.*",
                    "more text after a quoted value (hint: quote the whole value, e.g. \"20 m\")"),
            new Rule(".*while parsing a block mapping.*expected <block end>.*",
                    "the indentation does not match a key above (hint: indent nested keys by the same number of spaces)"),
            new Rule(".*while scanning a simple key.*could not find expected ':'.*",
                    "a line without \"key: value\" form (hint: every line of a section is \"key: value\")"),
            new Rule(".*found undefined alias.*", "an alias (*name) with no anchor: aliases are not supported in scenarios"));

    private static final List<Rule> JSON_RULES = List.of(
            new Rule("Unexpected character \\('\\}' .*was expecting double-quote to start field name.*",
                    "a comma before '}' with no entry after it (hint: JSON allows no comma after the last entry)"),
            new Rule("Unexpected character \\('(.+?)' .*was expecting double-quote to start field name.*",
                    "found '$1' where a key in double quotes was expected (hint: JSON keys are quoted, e.g. \"length\")"),
            new Rule("Unexpected character \\('(.+?)' .*was expecting comma to separate (Object|Array) entries.*",
                    "found '$1' where a comma or the closing bracket was expected (hint: a comma missing between two entries?)"),
            new Rule("Unexpected character \\('(.+?)' .*was expecting a colon to separate field name and value.*",
                    "found '$1' where ':' between a key and its value was expected"),
            new Rule("Unexpected character \\('''.*",
                    "a text in single quotes: JSON strings use double quotes (e.g. \"50 m\")"),
            new Rule("Unexpected character \\('(.+?)' .*expected a valid value.*",
                    "found '$1' where a value was expected (hint: text in double quotes, a number, true, false or null)"),
            new Rule("Unrecognized token '(.+?)'.*",
                    "found the bare word '$1': text values are in double quotes in JSON (e.g. \"50 m\"); true, false and null are "
                            + "the only bare words"),
            new Rule("Unexpected end-of-input.*",
                    "the text ends before every '{' and '[' is closed (hint: add the missing '}' or ']')"),
            new Rule("Unexpected close marker '(.+?)'.*",
                    "an extra closing '$1' (hint: remove it, or open the section it closes)"),
            new Rule("Trailing token.*",
                    "more text after the end of the document (hint: one JSON object per file; remove what follows its closing '}')"),
            new Rule(".*Leading zeroes not allowed.*",
                    "a number with a leading zero (hint: write 5, not 05; quantities with units are text: \"0.5 m\")"),
            new Rule("Non-standard token '(.+?)'.*", "'$1' is not a number JSON accepts (hint: use a finite number)"),
            new Rule("Illegal unquoted character.*",
                    "a line break or control character inside a quoted text (hint: close the quote on the same line)"),
            new Rule("Unexpected character \\('(.+?)' .*", "unexpected '$1'"));

    private ParseErrors() {
    }

    /** "{source} is not valid YAML at line L, column C: {plain words} — line L: "{the line}"". */
    static String describe(String source, String text, boolean yaml, JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        if (yaml) {
            Matcher m = YAML_MARK.matcher(original);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
        }
        String words = translate(original, yaml ? YAML_RULES : JSON_RULES);
        StringBuilder sb = new StringBuilder(source).append(" is not valid ").append(yaml ? "YAML" : "JSON");
        if (line > 0) {
            sb.append(" at line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        sb.append(": ").append(words);
        String shown = lineOf(text, line);
        if (shown != null) {
            sb.append(" — line ").append(line).append(": \"").append(shown).append('"');
        }
        return sb.toString();
    }

    private static String translate(String original, List<Rule> rules) {
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(original);
            if (m.matches()) {
                String words = r.words();
                for (int g = 1; g <= m.groupCount(); g++) {
                    words = words.replace("$" + g, m.group(g) == null ? "" : m.group(g));
                }
                return words;
            }
        }
        return plain(original);
    }

    /** A message no rule knows, stripped of the library's decorations: first line, no token names or class names. */
    static String plain(String original) {
        String first = original.split("\n")[0].trim();
        Matcher c = JSON_CHAR.matcher(first);
        first = c.replaceAll("unexpected '$1'");
        first = first.replaceAll("`[^`]*`", "").replaceAll("\\([^)]*(Feature|Source|code \\d+)[^)]*\\)", "")
                .replace("<block end>", "the end of an indented block").replace("<block mapping start>", "a new key")
                .replace("<block sequence start>", "a list").replace("<scalar>", "a value").replace("<stream end>", "the end of the file")
                .replace("<flow mapping start>", "'{'").replace("<flow sequence start>", "'['").replace("<flow mapping end>", "'}'")
                .replace("<flow sequence end>", "']'").replace("<block entry>", "'- '").replace("<", "").replace(">", "")
                .replaceAll("\\s+", " ").trim();
        return first.isEmpty() ? "the text cannot be read as a document (hint: check the line shown)" : first;
    }

    /** The 1-based line of the text, trimmed at the end and shortened to 80 characters; null if out of range. */
    private static String lineOf(String text, int line) {
        if (line < 1) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        String l = lines[line - 1].stripTrailing().replace("\t", "\\t");
        if (l.isBlank()) {
            return null;
        }
        return l.length() > 80 ? l.substring(0, 77) + "..." : l;
    }
}
