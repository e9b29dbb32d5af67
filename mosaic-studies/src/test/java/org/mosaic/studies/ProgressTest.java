package org.mosaic.studies;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void showsTheSectionItsShareAndTheElapsedTimeOnATerminal_issue12() {
        StringWriter w = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(w, true), true, 0)) {
            p.section("channel", 1, 6);
            p.task("evaluating 4 scenarios", 4);
            p.section("cable", 2, 6);
        }
        String s = w.toString();
        assertThat(s).contains("channel (1/6)", "channel (1/6): evaluating 4 scenarios   0% (0/4)", "channel (1/6) done in 0 s",
                "cable (2/6)", "cable (2/6) done in");
        assertThat(s).containsPattern("\\d+ s");
    }

    @Test
    void saysNothingWhenNotATerminal_issue12() {
        StringWriter w = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(w, true), false, 0)) {
            p.section("channel", 1, 6);
            p.task("x", 2);
            p.step();
        }
        assertThat(w.toString()).isEmpty();
    }

    @Test
    void aCancelledProgressStopsTheWorkAtItsNextReport_issue20() {
        Progress p = Progress.tracking();
        p.task("counting", 10);
        p.step();
        p.step();
        assertThat(p.done()).isEqualTo(2);
        assertThat(p.total()).isEqualTo(10);
        assertThat(p.taskName()).isEqualTo("counting");
        p.cancel();
        assertThat(p.cancelled()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(p::step).isInstanceOf(Cancelled.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.task("more", 1)).isInstanceOf(Cancelled.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.set(5, 10)).isInstanceOf(Cancelled.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.section("x", 1, 2)).isInstanceOf(Cancelled.class);
        assertThat(p.done()).as("nothing counted after the cancel").isEqualTo(2);
    }

    @Test
    void aProgressNeverCancelledNeverThrows_issue20() {
        Progress p = Progress.quiet();
        p.task("x", 3);
        p.step();
        p.set(3, 3);
        p.section("s", 1, 1);
        assertThat(p.cancelled()).isFalse();
    }
}
