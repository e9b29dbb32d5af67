package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * A scale-up domain (an NVLink-class island): {@code gpus} GPUs, each with {@code linksPerGpu} links to the domain's
 * switch chips, the chips packed {@code switchChipsPerTray} to a tray. Immutable, validated here.
 *
 * <p>Model: link j of every GPU goes to chip j mod C (C = trays × chips per tray), so each GPU reaches every chip
 * (NVL72: 18 links over 18 chips, one each; HGX H100: 18 links over 4 chips, 5/4/4/5). The graph has one vertex per
 * tray (a field-replaceable unit whose chips share a location, hence a cable length); a GPU–tray edge aggregates
 * the GPU's links to that tray's chips. A domain with no switch (one GPU alone) has {@code switchTrays = 0} and
 * {@code linksPerGpu = 0}. A domain is assumed to sit in one rack unless the layout spreads it.
 *
 * @param name                  label for reports
 * @param gpus                  GPUs per domain
 * @param linksPerGpu           scale-up links per GPU
 * @param lanesPerLink          lanes per link and direction
 * @param laneRateBitsPerSecond nominal data rate of one lane in one direction, b/s (0 when there are no links)
 * @param switchTrays           switch trays per domain
 * @param switchChipsPerTray    switch chips per tray
 * @param portsPerSwitchChip    link ports per switch chip
 * @param onBoard               the GPUs and their switch chips sit on one baseboard (HGX): the scale-up links are
 *                              traces on the board, not cables — no technology policy applies to them, their power is
 *                              in the server's and their failures in the GPU's ("Faulty GPU (incl. NVLink)")
 */
public record ScaleUpDomainSpec(String name, int gpus, int linksPerGpu, int lanesPerLink, double laneRateBitsPerSecond,
                                int switchTrays, int switchChipsPerTray, int portsPerSwitchChip, boolean onBoard) {
    /** Largest accepted domain, a bound against typos (Kyber NVL576 has 576 GPUs, [nvidia-nvl72], [introl-gb300]). */
    static final int MAX_GPUS = 1 << 16;

    public ScaleUpDomainSpec {
        Objects.requireNonNull(name, "domain name is null");
        if (gpus < 1 || gpus > MAX_GPUS) {
            throw new IllegalArgumentException("GPUs per scale-up domain = " + gpus + " — expected 1 to " + MAX_GPUS
                    + " (hint: NVL72 has 72, an HGX H100 board 8, a GPU without scale-up 1)");
        }
        if (switchTrays < 0 || linksPerGpu < 0) {
            throw new IllegalArgumentException("switch trays = " + switchTrays + ", links per GPU = " + linksPerGpu
                    + " — expected both >= 0");
        }
        if ((switchTrays == 0) != (linksPerGpu == 0)) {
            throw new IllegalArgumentException("switch trays = " + switchTrays + " with links per GPU = " + linksPerGpu
                    + " — expected both 0 (no scale-up switch) or both > 0 (hint: NVL72 has 9 trays, 18 links per GPU)");
        }
        if (switchTrays == 0 && gpus > 1) {
            throw new IllegalArgumentException("a domain of " + gpus + " GPUs has no scale-up switch — expected "
                    + "switch trays > 0, or 1 GPU per domain (GPU-to-GPU meshes are not modelled)");
        }
        if (switchTrays > 0) {
            if (switchChipsPerTray < 1 || portsPerSwitchChip < 1 || lanesPerLink < 1) {
                throw new IllegalArgumentException("switch chips per tray = " + switchChipsPerTray + ", ports per chip = "
                        + portsPerSwitchChip + ", lanes per link = " + lanesPerLink + " — expected all >= 1");
            }
            if (!(laneRateBitsPerSecond > 0 && Double.isFinite(laneRateBitsPerSecond))) {
                throw new IllegalArgumentException("scale-up lane rate " + laneRateBitsPerSecond
                        + " b/s — expected a finite rate > 0 (hint: NVLink 5 runs 200 Gb/s lanes = 2e11)");
            }
            long chips = (long) switchTrays * switchChipsPerTray;
            long needed = (long) gpus * ((linksPerGpu + chips - 1) / chips);
            if (onBoard && switchTrays != 1) {
                throw new IllegalArgumentException("an on-board scale-up domain with " + switchTrays + " switch trays — expected 1 "
                        + "(the baseboard is the one tray; hint: a domain of several trays is cabled, onBoard = false)");
            }
            if (needed > portsPerSwitchChip) {
                throw new IllegalArgumentException("the busiest scale-up switch chip needs " + needed + " ports ("
                        + gpus + " GPUs × ⌈" + linksPerGpu + " links / " + chips + " chips⌉) — expected at most "
                        + portsPerSwitchChip + " ports per chip; hint: more chips or trays, or fewer GPUs per domain");
            }
        }
    }

    /** A cabled domain (switch trays joined to the GPUs by cables, e.g. NVL72's spine): {@code onBoard = false}. */
    public ScaleUpDomainSpec(String name, int gpus, int linksPerGpu, int lanesPerLink, double laneRateBitsPerSecond, int switchTrays,
                             int switchChipsPerTray, int portsPerSwitchChip) {
        this(name, gpus, linksPerGpu, lanesPerLink, laneRateBitsPerSecond, switchTrays, switchChipsPerTray, portsPerSwitchChip, false);
    }

    /** A single GPU with no scale-up fabric (for plain scale-out studies). */
    public static ScaleUpDomainSpec single() {
        return new ScaleUpDomainSpec("single GPU", 1, 0, 0, 0, 0, 0, 0);
    }

    /** Switch chips per domain. */
    public int switchChips() {
        return switchTrays * switchChipsPerTray;
    }

    /** Scale-up links of a full domain (each GPU–chip link once). */
    public long linksPerDomain() {
        return (long) gpus * linksPerGpu;
    }

    /** Links of one GPU that go to tray {@code tray}: the j in [0, linksPerGpu) whose chip j mod C lies in it. */
    public int linksToTray(int tray) {
        if (tray < 0 || tray >= switchTrays) {
            throw new IllegalArgumentException("tray " + tray + " — expected 0 … " + (switchTrays - 1));
        }
        int chips = switchChips();
        int n = 0;
        for (int c = tray * switchChipsPerTray; c < (tray + 1) * switchChipsPerTray; c++) {
            n += linksToChip(c, chips);
        }
        return n;
    }

    private int linksToChip(int chip, int chips) {
        // j ≡ chip (mod chips), 0 <= j < linksPerGpu
        return chip < linksPerGpu ? (linksPerGpu - 1 - chip) / chips + 1 : 0;
    }

    /** Ports used on the busiest chip of a full domain. */
    public int maxPortsUsedPerChip() {
        return switchTrays == 0 ? 0 : gpus * linksToChip(0, switchChips());
    }

    /** Scale-up bandwidth of one GPU, one direction, b/s. */
    public double bandwidthPerGpuBitsPerSecond() {
        return (double) linksPerGpu * lanesPerLink * laneRateBitsPerSecond;
    }
}
