package org.mosaic.studies.training;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.studies.UsageException;

/** The checks of a job that train and goodput share: its GPU count and its list of policies. */
public final class JobChecks {
    private JobChecks() {
    }

    /** Refuses a job size out of range, naming the flag before any work. */
    public static void checkGpus(Long gpus) {
        if (gpus != null && (gpus < 1 || gpus > ClusterSpec.MAX_GPUS)) {
            throw new UsageException(String.format(Locale.ROOT, "--gpus %d: expected 1 to %,d GPUs (hint: Llama 3 405B trained on 16384)",
                    gpus, ClusterSpec.MAX_GPUS));
        }
    }

    /** Refuses an unknown policy, "all" among others, and a policy named twice. */
    public static void checkPolicies(String flag, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n.equals("all")) {
                throw new UsageException(flag + " " + String.join(",", names) + ": \"all\" already names every policy; expected it alone");
            }
            String resolved;
            try {
                resolved = Policy.named(n).name();
            } catch (IllegalArgumentException e) {
                throw new UsageException(flag + " " + e.getMessage());
            }
            if (!seen.add(resolved)) {
                throw new UsageException(flag + " " + String.join(",", names) + ": " + n + " is named twice" + (resolved.equals(n.trim().toLowerCase(Locale.ROOT)) ? ""
                        : " (" + n + " is " + resolved + ": the cluster without MOSAIC)") + "; expected each policy once");
            }
        }
        if (names.isEmpty()) {
            throw new UsageException(flag + ": no policy; expected one or more of " + String.join(", ", Policy.NAMES));
        }
    }
}
