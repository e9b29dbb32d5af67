package org.mosaic.cluster.training.network;

import java.util.Objects;
import org.mosaic.cluster.training.LinkCost;

/**
 * What a communicator of equal, strided groups gets from the network when all its groups run a collective at once
 * (see {@link TrainingCluster#group}).
 *
 * @param groupSize                ranks per group
 * @param strideGpus               distance between consecutive members in the rank order
 * @param span                     the highest part of the network a ring hop crosses
 * @param cost                     the ring's α-β cost as NCCL runs it: hops inside a scale-up domain on the scale-up
 *                                 links, the others over the fabric ({@link TrainingCluster#forGroup})
 * @param fabricOnly               the ring's cost with every hop over the scale-out fabric
 *                                 ({@link TrainingCluster#fabric}), or {@code null} for a cluster without one
 * @param bisectionBytesPerSecond  per-direction bandwidth across the cut between a group's two halves, for the
 *                                 all-to-all bound ({@link Double#POSITIVE_INFINITY} inside a scale-up domain)
 * @param fabricShare              the smallest share of its NIC rate a fabric hop of {@code cost} keeps under
 *                                 contention (1 when no hop is slowed, or no hop crosses the fabric)
 */
public record GroupCost(int groupSize, int strideGpus, GroupSpan span, LinkCost cost, LinkCost fabricOnly, double bisectionBytesPerSecond,
                        double fabricShare) {
    public GroupCost {
        Objects.requireNonNull(span, "span is null");
        Objects.requireNonNull(cost, "cost is null");
        if (!(bisectionBytesPerSecond > 0) || !(fabricShare > 0 && fabricShare <= 1)) {
            throw new IllegalArgumentException("bisection " + bisectionBytesPerSecond + " B/s, fabric share " + fabricShare
                    + " — expected a positive bisection and a share in (0, 1]");
        }
    }
}
