package org.mosaic.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bibliography and the citation checks (the repository-wide scan is CitationsTest in mosaic-cli). */
class SourcesTest {

    @Test
    void theBibliographyLoadsWithFullReferences() {
        Sources.Source s = Sources.bibliography().get("mosaic-sigcomm25");
        assertThat(s).isNotNull();
        assertThat(s.reference()).contains("Benyahya").contains("SIGCOMM 2025").contains("2025")
                .contains("https://doi.org/10.1145/3718958.3750510");
        assertThat(Sources.bibliography().all()).hasSizeGreaterThan(50)
                .allSatisfy(x -> assertThat(x.kind()).isIn("primary", "secondary", "paper-reading"));
    }

    @Test
    void citedKeysAreTheBracketedHyphenatedWords() {
        assertThat(Sources.citedKeys("[msr-blog] (20 x 20); [mosaic-sigcomm25] §3.1 via [desk-microled-2026]; [msr-blog]"))
                .containsExactly("msr-blog", "mosaic-sigcomm25", "desk-microled-2026");
        assertThat(Sources.citedKeys("a[i] + [P] + [S]/[U] + [x]")).isEmpty();
    }

    @Test
    void aCitationOfTheDevelopersNotesAnUnknownKeyOrNothingIsAProblem_issue12() {
        Sources b = Sources.bibliography();
        assertThat(b.problems("[msr-blog] (400 channels)")).isEmpty();
        assertThat(b.problems("assumed (Mosaic developers), range 0.05-0.5 dB/m")).isEmpty();
        assertThat(b.problems("reference" + "/mosaic" + ".md §2.1 [msr-blog]")).singleElement().asString().contains("outside the repository");
        assertThat(b.problems("[msr-blogg]")).singleElement().asString().contains("[msr-blogg] is not in the bibliography");
        assertThat(b.problems("common practice")).singleElement().asString().contains("cites no [key]");
    }
}
