package org.mosaic.cluster.training.goodput;

import java.util.List;

/**
 * What one trial of a campaign did, for plotting: consecutive segments covering [0, length) and the failures.
 * Computation whose work a failure destroyed is relabelled {@link Kind#REWORK}; a checkpoint that a failure cut
 * short stays {@link Kind#CHECKPOINT}; a restart cut short by a failure or a planned stop is followed by a new one.
 *
 * @param segments the segments in time order
 * @param events   the failures and planned stops in time order
 */
public record Timeline(List<Segment> segments, List<FailureEvent> events) {

    public Timeline {
        segments = List.copyOf(segments);
        events = List.copyOf(events);
    }

    /** What the job was doing in a segment. */
    public enum Kind {
        /** Computation committed by a later checkpoint (or still uncommitted when the campaign ends). */
        COMPUTE,
        /** Blocking checkpoint save. */
        CHECKPOINT,
        /** Computation lost to a failure before its checkpoint completed. */
        REWORK,
        /** From the fault until the job notices it. */
        DETECT,
        /** Waiting for a hot-spare swap or a repair. */
        REPLACE,
        /** Relaunch and checkpoint load. */
        RESTART
    }

    /**
     * One segment.
     *
     * @param kind         what the job was doing
     * @param startSeconds start (s)
     * @param endSeconds   end (s)
     */
    public record Segment(Kind kind, double startSeconds, double endSeconds) {

        public Segment {
            if (kind == null) {   // the message is built only when needed: segments are made by the thousand per trial
                Require.present("segment kind", null, "one of " + List.of(Kind.values()));
            }
            if (!(endSeconds >= startSeconds)) {
                throw new IllegalArgumentException("segment [" + startSeconds + ", " + endSeconds
                        + ") s — expected the end at or after the start");
            }
        }

        /** The segment's length (s). */
        public double durationSeconds() {
            return endSeconds - startSeconds;
        }
    }
}
