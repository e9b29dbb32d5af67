package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    /** A minimal section; {@code fail} makes rendering throw, as a bug in a section would. */
    record Fake(String id, boolean fail) implements Section {
        @Override
        public String title() {
            return "Fake <section>";
        }

        @Override
        public String html() {
            if (fail) {
                throw new IllegalStateException("boom");
            }
            return "<p>hello</p>";
        }

        @Override
        public JsonNode json() {
            return JsonNodeFactory.instance.objectNode().put("x", Double.NaN).put("y", 1.5);
        }

        @Override
        public List<ResultRow> rows() {
            return List.of(new ResultRow("s", "length, total", 2.0, "m"));
        }
    }

    @Test
    void writesSectionsAsHtmlJsonAndCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        new Report("T", "<p>intro</p>").add(new Fake("a", false)).add(new Fake("b", false)).write(out);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<section id=\"a\">", "<section id=\"b\">", "Fake &lt;section&gt;", "<p>hello</p>");
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"x\" : null", "\"y\" : 1.5");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).containsExactly(
                "section,subject,quantity,value,unit", "a,s,\"length, total\",2.0,m", "b,s,\"length, total\",2.0,m");
    }

    @Test
    void aFailingSectionLeavesThePreviousReportAndNoDebris(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        new Report("T", "").add(new Fake("a", false)).write(out);
        String before = Files.readString(out.resolve("index.html"));
        assertThatThrownBy(() -> new Report("T", "").add(new Fake("a", true)).write(out)).hasMessageContaining("boom");
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(out);
        }
    }

    @Test
    void replacesAPreviousReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        new Report("first", "").add(new Fake("a", false)).write(out);
        new Report("second", "").add(new Fake("a", false)).write(out);
        assertThat(Files.readString(out.resolve("index.html"))).contains("second").doesNotContain("first");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(out);
        }
    }

    @Test
    void duplicateSectionIdsAreRefused() {
        assertThatThrownBy(() -> new Report("T", "").add(new Fake("a", false)).add(new Fake("a", false)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
