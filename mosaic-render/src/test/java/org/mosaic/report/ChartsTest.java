package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.optics.ChannelResult;

class ChartsTest {
    @Test
    void svgIsAnInlineElementWithPrefixedIds() {
        String svg = Charts.svg(Charts.budget(List.of(new ChannelResult.BudgetItem("LED", -3, "dBm"),
                new ChannelResult.BudgetItem("loss", -10, "dB"), new ChannelResult.BudgetItem("margin", 2, "dB")), "B"),
                400, 300, "x1");
        assertThat(svg).startsWith("<svg").contains("id='x1-clip-").doesNotContain("<?xml");
    }

    @Test
    void arrayMapAndPngWork(@TempDir Path dir) throws Exception {
        double[] ber = new double[12];
        for (int i = 0; i < ber.length; i++) {
            ber[i] = Math.pow(10, -i);
        }
        Path png = dir.resolve("a.png");
        Charts.write(Charts.arrayMap(ber, 3, 4, 1e-3, "map"), png, 300, 300);
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(head[2]).isEqualTo((byte) 'N');
    }
}
