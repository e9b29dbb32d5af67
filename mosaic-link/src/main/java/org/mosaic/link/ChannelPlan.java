package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.OpticalPath;
import org.mosaic.optics.Sellmeier;

/**
 * The channel plan of one cable direction: how many channels of which role, where they sit on the
 * emitter (and detector) grid, what the array costs in silicon and fibre cores, and the skew the
 * receiver must remove. Built by {@link #of(ChannelSpec, HostInterface, PlanSpec)}; every number is a
 * closed-form consequence of the inputs.
 *
 * <p>Layout: the data channels fill the channel model's {@code link.array} (rows × cols, the array whose
 * crosstalk the channel model evaluates); the whole grid keeps that column count and grows by rows until
 * parity and spare channels fit. {@code edge} placement puts parity then spares after the data
 * (row-major); {@code distributed} spreads them evenly over the grid, so a local defect (a particle, a
 * cracked lens) is less likely to take out a spare together with the channels it should replace.
 *
 * @param dataChannels   ceil(line rate / channel rate)
 * @param utilisation    line rate / (data channels × channel rate): the fraction of channel capacity used
 * @param roles          the role of each grid position, row-major (length gridRows × gridCols)
 * @param dieAreaSquareMeters grid rows × cols × pitch²: the emitter array (the detector array is the same)
 * @param coresPerChannel fibre cores under one channel's spot (from the channel model's spot and lattice)
 * @param coresLit       coresPerChannel × total channels: cores that carry light
 * @param coresUnderImage cores of the fibre's lattice inside the array's image (grid area × magnification²)
 * @param imageDiagonalMeters diagonal of the array's image on the fibre face
 * @param fibreImageDiameterMeters diameter of the circle the fibre's cores fill (coreCount hexagonal cells)
 * @param skewSeconds    largest channel-to-channel delay difference: length × core delay spread + mismatch × n_g / c
 * @param deskewBitsPerChannel buffer depth per channel: ceil(skew / UI) + guard bits
 */
public record ChannelPlan(String hostInterface, double lineRateBitsPerSecond, double payloadBitsPerSecond,
                          double channelRateBitsPerSecond, int dataChannels, int parityChannels, int spareChannels,
                          int dataRows, int dataCols, int gridRows, int gridCols, List<Role> roles, double utilisation,
                          double emitterPitchMeters, double dieAreaSquareMeters, double magnification,
                          double coresPerChannel, double coresLit, int fibreCores, double coresUnderImage,
                          double imageDiagonalMeters, double fibreImageDiameterMeters, double groupIndex,
                          double skewSeconds, double skewUnitIntervals, int deskewBitsPerChannel, List<Check> checks) {

    /** What a grid position carries. */
    public enum Role { DATA, PARITY, SPARE, EMPTY }

    /** A consistency check of the plan that does not make it impossible, with what it means. */
    public record Check(String name, boolean ok, String detail) {
    }

    public int totalChannels() {
        return dataChannels + parityChannels + spareChannels;
    }

    /** Channels that must work: data + parity. */
    public int neededChannels() {
        return dataChannels + parityChannels;
    }

    public double dieAreaSquareMillimeters() {
        return dieAreaSquareMeters * 1e6;
    }

    /** Deskew buffer of one end's receiver, in bits: depth × channels. */
    public long deskewBufferBits() {
        return (long) deskewBitsPerChannel * totalChannels();
    }

    /** The number of data channels a line rate needs at a channel rate (exact ratios do not round up). */
    public static int dataChannels(double lineRate, double channelRate) {
        return (int) Math.ceil(lineRate / channelRate * (1 - 1e-12));
    }

    /**
     * Plans a cable. Throws {@link PlanException} (with the quantity, the limit and a hint) when the plan
     * is impossible: the data array is too small for the data channels, the lit cores exceed the fibre, the
     * array's image does not fit the fibre face, a spot is wider than the channel pitch on the face, or (with
     * whole-array imaging) plan.magnification differs from the emitter's spot / emitter ratio (issue 15).
     */
    public static ChannelPlan of(ChannelSpec channel, HostInterface host, PlanSpec plan) {
        double rate = channel.rateBitsPerSecond();
        double line = host.lineRateBitsPerSecond();
        int data = dataChannels(line, rate);
        int rows = channel.rows();
        int cols = channel.cols();
        if ((long) rows * cols < data) {
            int needRows = (data + cols - 1) / cols;
            throw new PlanException("link.array", rows + " x " + cols,
                    String.format(Locale.ROOT, "the data array holds %d channels but %s at %s needs %d data channels "
                            + "(hint: set link.array.rows=%d, or raise link.channelRate to %s)", rows * cols, host.id(),
                            gbps(rate), data, needRows, gbps(line / ((long) rows * cols))));
        }
        int parity = plan.parityChannels();
        int spares = plan.spares(data);
        int total = data + parity + spares;
        int dataPositions = rows * cols;
        int gridRows = Math.max(rows, rows + (int) Math.ceil((double) Math.max(0, total - dataPositions) / cols));
        // data fill the data array (row-major); the rest sits in the rows below (edge) or spread (distributed)
        List<Role> roles = layout(data, parity, spares, gridRows, cols, plan.sparePlacement());

        double pitch = plan.emitterPitchMeters();
        double die = gridRows * pitch * cols * pitch;
        double m = magnification(channel, plan);
        double cell = Math.sqrt(3) / 2 * channel.fiber().corePitchMeters() * channel.fiber().corePitchMeters();
        double perChannel = OpticalPath.coresPerChannel(channel);
        double lit = perChannel * total;
        int fibreCores = channel.fiber().coreCount();
        if (lit > fibreCores) {
            throw new PlanException("plan.spares", String.valueOf(spares), String.format(Locale.ROOT,
                    "%d channels x %.1f cores each light %.0f cores but the fibre has %d (hint: fewer spares or parity "
                            + "channels, a smaller optics.spotDiameter, or a fibre with more cores: fiber.coreCount)",
                    total, perChannel, lit, fibreCores));
        }
        double underImage = die * m * m / cell;
        double diagonal = Math.hypot(gridRows * pitch, cols * pitch) * m;
        double fibreDiameter = Math.sqrt(4 * fibreCores * cell / Math.PI);
        double channelPitchAtFibre = pitch * m;
        double spot = channel.optics().spotDiameterMeters();
        // the geometry is one source of truth: an image the fibre cannot hold, or spots that overlap their
        // neighbours, is not a plan with a failed check but no plan (the channel's coupling assumes both hold)
        String where = String.format(Locale.ROOT, "the %d x %d grid (%d data + %d parity + %d spare channels: plan.parity, "
                        + "plan.spares) at %.0f um pitch, magnification %.3g (%s imaging)",
                gridRows, cols, data, parity, spares, pitch * 1e6, m, plan.imaging());
        if (diagonal > fibreDiameter * (1 + 1e-9)) {
            int coresNeeded = (int) Math.ceil(Math.PI / 4 * diagonal * diagonal / cell);
            throw new PlanException(plan.imaging().equals(PlanSpec.WHOLE_ARRAY) ? "optics.spotDiameter" : "plan.magnification",
                    plan.imaging().equals(PlanSpec.WHOLE_ARRAY) ? mm(spot * 1e6) + " um" : String.format(Locale.ROOT, "%.3g", m),
                    String.format(Locale.ROOT, "%s has a %.3f mm image diagonal, but the fibre's %d cores at %.3g um pitch fill "
                            + "a %.3f mm circle (hint: an image that fits needs magnification %.3g or less%s, or a fibre of "
                            + "at least %d cores: fiber.coreCount, or fewer spare or parity channels)", where, diagonal * 1e3, fibreCores,
                            channel.fiber().corePitchMeters() * 1e6, fibreDiameter * 1e3, m * fibreDiameter / diagonal,
                            plan.imaging().equals(PlanSpec.WHOLE_ARRAY) ? String.format(Locale.ROOT,
                                    " (whole-array imaging: optics.spotDiameter %.3g um or less)", spot * 1e6 * fibreDiameter / diagonal)
                                    : " (plan.magnification)", coresNeeded));
        }
        if (spot > channelPitchAtFibre * (1 + 1e-9)) {
            throw new PlanException("optics.spotDiameter", mm(spot * 1e6) + " um", String.format(Locale.ROOT,
                    "%s puts channels %.3g um apart on the fibre face, so a %.3g um spot overlaps its neighbours (hint: "
                            + "optics.spotDiameter %.3g um or less, a larger plan.emitterPitch, or %s)", where,
                    channelPitchAtFibre * 1e6, spot * 1e6, channelPitchAtFibre * 1e6,
                    plan.imaging().equals(PlanSpec.WHOLE_ARRAY) ? "per-emitter imaging (plan.imaging)" : "a larger plan.magnification"));
        }

        double ng = Sellmeier.groupIndex(channel.led().wavelengthMeters());
        double skew = channel.fiber().lengthMeters() * plan.coreDelaySpreadSecondsPerMeter()
                + plan.lengthMismatchMeters() * ng / 299_792_458.0;
        double skewUi = skew * rate;
        int deskew = (int) Math.ceil(skewUi - 1e-9) + plan.deskewGuardBits();

        List<Check> checks = new ArrayList<>();
        checks.add(new Check("image fits the fibre", diagonal <= fibreDiameter, String.format(Locale.ROOT,
                "the %d x %d grid at %.0f um pitch, magnification %.2f, has a %.2f mm image diagonal; the fibre's %d cores "
                        + "fill a %.2f mm circle%s", gridRows, cols, pitch * 1e6, m, diagonal * 1e3, fibreCores,
                fibreDiameter * 1e3, diagonal <= fibreDiameter ? ""
                        : String.format(Locale.ROOT, " (it fits at magnification %.2f or less)", m * fibreDiameter / diagonal))));
        checks.add(new Check("spots stay inside their channel", spot <= channelPitchAtFibre, String.format(Locale.ROOT,
                "a %.0f um spot on a %.1f um channel pitch at the fibre face", spot * 1e6, channelPitchAtFibre * 1e6)));
        checks.add(new Check("deskew within one unit interval", skewUi <= 1, String.format(Locale.ROOT,
                "skew %.0f ps = %.2f UI at %s", skew * 1e12, skewUi, gbps(rate))));
        return new ChannelPlan(host.id(), line, host.payloadBitsPerSecond(), rate, data, parity, spares, rows, cols,
                gridRows, cols, List.copyOf(roles), line / (data * rate), pitch, die, m, perChannel, lit, fibreCores,
                underImage, diagonal, fibreDiameter, ng, skew, skewUi, deskew, List.copyOf(checks));
    }

    /**
     * The array's magnification onto the fibre face: the plan's for per-emitter imaging; for whole-array
     * imaging the emitter's own, optics.spotDiameter / led.emitterDiameter (one lens images both), which a
     * stated plan.magnification must equal.
     */
    public static double magnification(ChannelSpec channel, PlanSpec plan) {
        if (!plan.imaging().equals(PlanSpec.WHOLE_ARRAY)) {
            return plan.magnification();
        }
        double emitter = channel.optics().spotDiameterMeters() / channel.led().emitterDiameterMeters();
        if (Double.isNaN(plan.magnification())) {
            return emitter;
        }
        if (Math.abs(plan.magnification() - emitter) > 1e-6 * emitter) {
            throw new PlanException("plan.magnification", String.format(Locale.ROOT, "%.4g", plan.magnification()),
                    String.format(Locale.ROOT, "with whole-array imaging one lens images the array and each emitter, so the "
                            + "array's magnification is the emitter's: optics.spotDiameter / led.emitterDiameter = %.3g um / "
                            + "%.3g um = %.4g (hint: omit plan.magnification, set optics.spotDiameter to %.3g um, or use "
                            + "plan.imaging: per-emitter)", channel.optics().spotDiameterMeters() * 1e6,
                            channel.led().emitterDiameterMeters() * 1e6, emitter,
                            plan.magnification() * channel.led().emitterDiameterMeters() * 1e6));
        }
        return emitter;
    }

    /** The cores a fibre of this channel's lattice needs for the array's image to fit (at least the lit cores). */
    public static int coresToHold(ChannelSpec channel, HostInterface host, PlanSpec plan) {
        int data = dataChannels(host.lineRateBitsPerSecond(), channel.rateBitsPerSecond());
        int total = data + plan.parityChannels() + plan.spares(data);
        int cols = channel.cols();
        int gridRows = Math.max(channel.rows(), channel.rows()
                + (int) Math.ceil((double) Math.max(0, total - channel.rows() * cols) / cols));
        double m = magnification(channel, plan);
        double pitch = plan.emitterPitchMeters();
        double diagonal = Math.hypot(gridRows * pitch, cols * pitch) * m;
        double cell = Math.sqrt(3) / 2 * channel.fiber().corePitchMeters() * channel.fiber().corePitchMeters();
        return (int) Math.max(Math.ceil(Math.PI / 4 * diagonal * diagonal / cell - 1e-9),
                Math.ceil(OpticalPath.coresPerChannel(channel) * total - 1e-9));
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static List<Role> layout(int data, int parity, int spares, int gridRows, int cols, String placement) {
        int positions = gridRows * cols;
        Role[] roles = new Role[positions];
        java.util.Arrays.fill(roles, Role.EMPTY);
        int extra = parity + spares;
        if (placement.equals("edge")) {
            int i = 0;
            for (int k = 0; k < data; k++) {
                roles[i++] = Role.DATA;
            }
            for (int k = 0; k < parity; k++) {
                roles[i++] = Role.PARITY;
            }
            for (int k = 0; k < spares; k++) {
                roles[i++] = Role.SPARE;
            }
        } else {
            // spread the extra channels evenly over the first data+extra positions (Bresenham), parity and
            // spares alternating in proportion
            int used = data + extra;
            int placedExtra = 0;
            int placedParity = 0;
            for (int i = 0; i < used; i++) {
                long due = (long) (i + 1) * extra / used;
                if (due > placedExtra) {
                    long parityDue = (long) (placedExtra + 1) * parity / Math.max(1, extra);
                    roles[i] = parityDue > placedParity ? Role.PARITY : Role.SPARE;
                    if (roles[i] == Role.PARITY) {
                        placedParity++;
                    }
                    placedExtra++;
                } else {
                    roles[i] = Role.DATA;
                }
            }
        }
        return List.of(roles);
    }

    private static String gbps(double bps) {
        return String.format(Locale.ROOT, "%.4g Gb/s", bps / 1e9);
    }
}
