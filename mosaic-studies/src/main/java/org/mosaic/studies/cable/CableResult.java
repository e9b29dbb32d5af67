package org.mosaic.studies.cable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkModel;
import org.mosaic.link.PowerModel;
import org.mosaic.link.Scaling;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.studies.Metric;

/**
 * One cable evaluated ({@link CableStudy}): its channel plan, power per end for its host attachment and the other,
 * its reliability over the service life, whether its channel closes at its length, and (when asked) the two ways to
 * carry 1.6T and 3.2T. Serialises to the JSON {@code mosaic link --format json} prints.
 *
 * @param scenario            where the cable document came from ("preset mosaic-800g", a file, with its --set edits)
 * @param name                the cable's name
 * @param channelCloses       whether the NOMINAL channel meets its BER target at the fibre's length
 *                            (the sentence says so); the reach, by contrast, is on the design's link.reach.target
 * @param channelDoesNotClose the sentence saying by how much it misses, with its reach (absent when it closes)
 * @param seed                the scenario's seed
 * @param scaling             the scaled options (empty unless asked; then left out of the JSON)
 */
public record CableResult(String scenario, String name, boolean channelCloses,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String channelDoesNotClose, long seed, Host host,
                          double channelRateBitsPerSecond, Channels channels, double dieAreaMm2, Fibre fibre, Skew skew,
                          List<Check> checks, Power power, Power powerOtherAttachment, Reliability reliability,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScalingOption> scaling) {
    public CableResult {
        checks = List.copyOf(checks);
        scaling = List.copyOf(scaling);
    }

    /** The host side: its interface, where it attaches, its line and payload rates. */
    public record Host(@JsonProperty("interface") String hostInterface, String attachment, double lineRateBitsPerSecond,
                       double payloadBitsPerSecond) {
    }

    /** Channel counts and the array. */
    public record Channels(int data, int parity, int spare, int total, int rows, int cols, int dataRows, int dataCols,
                           @Metric(unit = "1", value = "share of the data channels' capacity the line rate uses") double utilisation) {
    }

    /** Fibre cores: per channel, lit, in the fibre, under the image; the image against the fibre. */
    public record Fibre(double coresPerChannel, double coresLit, int cores, double coresUnderImage, double imageDiagonalMeters,
                        double fibreImageDiameterMeters) {
    }

    /** Channel-to-channel skew and the deskew buffer it needs. */
    public record Skew(double groupIndex, double seconds, @Metric(unit = "UI") double unitIntervals,
                       @Metric(unit = "bit") int deskewBitsPerChannel, long deskewBufferBits) {
    }

    /** A consistency check of the plan. */
    public record Check(String check, boolean ok, String detail) {
    }

    /** Power of one end with one host attachment, bottom-up. */
    public record Power(String attachment, double perEndWatts, double coreWatts, double perBitPicojoules, double perCableWatts,
                        List<PowerModel.Item> breakdown) {
        public Power {
            breakdown = List.copyOf(breakdown);
        }

        static Power of(PowerModel.Power p) {
            return new Power(p.attachment().id(), p.perEndWatts(), p.coreWatts(), p.perBitPicojoules(), p.perCableWatts(),
                    p.breakdown());
        }
    }

    /**
     * Reliability over the service life with spares (the figures), without them, when the spares run out, and which
     * parts contribute.
     */
    public record Reliability(double linkFit, double perEndFit, double afrPerCable, double afrPerEnd, double afrFirstYearPerCable,
                              double mttfHours, double serviceYears, double reliabilityAtServiceLife,
                              ReliabilityResult.Summary withoutSpares, ReliabilityResult.Exhaustion sparesExhausted,
                              List<ReliabilityResult.Contribution> contributions, String policy) {
        public Reliability {
            contributions = List.copyOf(contributions);
        }

        static Reliability of(ReliabilityResult rel, double serviceYears) {
            return new Reliability(rel.linkFit(), rel.withSpares().perEndFit(), rel.afrPerCable(), rel.afrPerEnd(),
                    rel.withSpares().afrFirstYearPerCable(), rel.mttfHours(), serviceYears, rel.reliabilityAtServiceLife(),
                    rel.withoutSpares(), rel.exhaustion(), rel.breakdown(), rel.policy());
        }
    }

    /**
     * One way to carry a faster host interface.
     *
     * @param fibreCoresNeeded cores the lit spots need; more than {@code fibreCoresAvailable} means a larger fibre
     * @param reachMeters      the channel's reach at its BER target at the option's channel rate
     */
    public record ScalingOption(String target, String how, double channelRateBitsPerSecond, int dataChannels, int totalChannels,
                                double dieAreaMm2, int fibreCoresNeeded, int fibreCoresAvailable, double perEndWatts,
                                double perBitPicojoules, double reachMeters) {
        /** Whether the cable's own fibre has the cores the option needs. */
        public boolean fibreSuffices() {
            return fibreCoresNeeded <= fibreCoresAvailable;
        }

        static ScalingOption of(Scaling.Option o) {
            return new ScalingOption(o.target(), o.how(), o.plan().channelRateBitsPerSecond(), o.plan().dataChannels(),
                    o.plan().totalChannels(), o.plan().dieAreaSquareMillimeters(), o.fibreCoresNeeded(), o.fibreCoresAvailable(),
                    o.power().perEndWatts(), o.power().perBitPicojoules(), o.reachMeters());
        }
    }

    /** The result's parts from the link model's. */
    static CableResult of(String scenario, long seed, String attachment, LinkModel.LinkResult r, double serviceYears,
                          String closure, List<Scaling.Option> scaling) {
        ChannelPlan p = r.plan();
        return new CableResult(scenario, r.name(), closure == null, closure, seed,
                new Host(p.hostInterface(), attachment, p.lineRateBitsPerSecond(), p.payloadBitsPerSecond()),
                p.channelRateBitsPerSecond(),
                new Channels(p.dataChannels(), p.parityChannels(), p.spareChannels(), p.totalChannels(), p.gridRows(), p.gridCols(),
                        p.dataRows(), p.dataCols(), p.utilisation()),
                p.dieAreaSquareMillimeters(),
                new Fibre(p.coresPerChannel(), p.coresLit(), p.fibreCores(), p.coresUnderImage(), p.imageDiagonalMeters(),
                        p.fibreImageDiameterMeters()),
                new Skew(p.groupIndex(), p.skewSeconds(), p.skewUnitIntervals(), p.deskewBitsPerChannel(), p.deskewBufferBits()),
                p.checks().stream().map(c -> new Check(c.name(), c.ok(), c.detail())).toList(),
                Power.of(r.power()), Power.of(r.otherAttachment()), Reliability.of(r.reliability(), serviceYears),
                scaling.stream().map(ScalingOption::of).toList());
    }
}
