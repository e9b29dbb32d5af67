package org.mosaic.cluster.training.goodput;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The failure causes of a job, in a fixed order (the order of reports; it does not change any failure time — see
 * {@link CampaignSimulator}). Names are unique. The list is immutable; {@link #withCause} and {@link #without}
 * return edited copies, which is how a caller swaps a default cause for its own (e.g. Llama 3's "Network
 * switch/cable" row for links from a fleet model plus a residual switch cause).
 *
 * @param causes the causes
 */
public record FailureCauses(List<FailureCause> causes) {

    public FailureCauses {
        Require.present("failure cause list", causes, "e.g. CampaignDocument.standard().causes(16384) or FailureCauses.of(...)");
        Set<String> seen = new HashSet<>();
        for (FailureCause c : causes) {
            Require.present("failure cause", c, "the list must not contain nulls");
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("failure cause name '" + c.name()
                        + "' appears twice — expected unique names (hint: withCause(...) replaces a cause of the same name)");
            }
        }
        causes = List.copyOf(causes);
    }

    /** A list of the given causes. */
    public static FailureCauses of(FailureCause... causes) {
        return new FailureCauses(List.of(causes));
    }

    /** The cause called {@code name}, if any. */
    public Optional<FailureCause> find(String name) {
        return causes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The cause called {@code name}; throws with the known names otherwise. */
    public FailureCause cause(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    /** The position of the cause called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < causes.size(); i++) {
            if (causes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The names, in order. */
    public List<String> names() {
        return causes.stream().map(FailureCause::name).toList();
    }

    /** A copy with {@code cause} in place of the cause of the same name, or appended when no cause has that name. */
    public FailureCauses withCause(FailureCause cause) {
        Require.present("failure cause", cause, "e.g. FailureCause.unplanned(...)");
        List<FailureCause> copy = new ArrayList<>(causes);
        int i = indexOf(cause.name());
        if (i >= 0) {
            copy.set(i, cause);
        } else {
            copy.add(cause);
        }
        return new FailureCauses(copy);
    }

    /** A copy without the cause called {@code name}; throws with the known names if there is none (a typo). */
    public FailureCauses without(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw unknown(name);
        }
        List<FailureCause> copy = new ArrayList<>(causes);
        copy.remove(i);
        return new FailureCauses(copy);
    }

    /** The unplanned causes only. */
    public FailureCauses unplanned() {
        return new FailureCauses(causes.stream().filter(c -> !c.planned()).toList());
    }

    /** Unplanned failures per hour for the job: the sum over unplanned causes. */
    public double unplannedRatePerHour() {
        return causes.stream().filter(c -> !c.planned()).mapToDouble(FailureCause::ratePerHour).sum();
    }

    /** Planned stops per hour for the job. */
    public double plannedRatePerHour() {
        return causes.stream().filter(FailureCause::planned).mapToDouble(FailureCause::ratePerHour).sum();
    }

    /** Mean time between unplanned failures (s); infinite when nothing can fail. */
    public double unplannedMtbfSeconds() {
        double rate = unplannedRatePerHour();
        return rate > 0 ? 3600.0 / rate : Double.POSITIVE_INFINITY;
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("failure cause '" + name + "' — expected one of " + names());
    }
}
