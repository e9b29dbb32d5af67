package org.mosaic.datapath;

/** Optional progress callback: called from worker threads with the work done so far (monotone per call site). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
