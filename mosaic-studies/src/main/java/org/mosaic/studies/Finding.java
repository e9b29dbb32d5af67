package org.mosaic.studies;

/**
 * One line of the summary of findings: computed from a study's results (never fixed text with numbers), with a
 * verdict and the anchor of its evidence in the report.
 *
 * @param verdict whether it holds
 * @param text    the finding with its numbers (plain text)
 * @param anchor  the id of the element in the report that shows the evidence
 */
public record Finding(Verdict verdict, String text, String anchor) {
    public Finding {
        if (verdict == null || text == null || text.isBlank() || anchor == null || anchor.isBlank()) {
            throw new IllegalArgumentException("a finding needs a verdict, a text and an anchor");
        }
    }

    /** Whether a finding's claim holds, does not, or is a number to know without a pass mark. */
    public enum Verdict {
        HOLDS("✓", "holds"), FAILS("✗", "does not hold"), NOTE("•", "for information");

        private final String mark;
        private final String meaning;

        Verdict(String mark, String meaning) {
            this.mark = mark;
            this.meaning = meaning;
        }

        public String mark() {
            return mark;
        }

        public String meaning() {
            return meaning;
        }

        /** HOLDS when {@code ok}, FAILS otherwise. */
        public static Verdict of(boolean ok) {
            return ok ? HOLDS : FAILS;
        }
    }

}
