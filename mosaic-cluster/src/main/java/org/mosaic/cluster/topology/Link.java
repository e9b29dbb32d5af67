package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * An edge of the cluster graph: all parallel links between two vertices, aggregated (a leaf with four links to
 * one spine is one edge with {@code links = 4}). Undirected; {@code source} is the vertex nearer the GPUs.
 *
 * @param id        the edge number in its graph, 0 … edges − 1 (edge order)
 * @param source    the lower end (GPU, or the lower-tier switch)
 * @param target    the upper end
 * @param linkClass tier, lanes per link and lane rate
 * @param links     parallel links (each a full-duplex cable or pair of cables in the layout), ≥ 1
 */
public record Link(int id, Node source, Node target, LinkClass linkClass, int links) {
    public Link {
        Objects.requireNonNull(source, "link source is null");
        Objects.requireNonNull(target, "link target is null");
        Objects.requireNonNull(linkClass, "link class is null");
        if (id < 0) {
            throw new IllegalArgumentException("link id = " + id + " — expected >= 0");
        }
        if (links < 1) {
            throw new IllegalArgumentException("parallel links = " + links + " between " + source + " and " + target
                    + " — expected at least 1");
        }
        if (source.id() == target.id()) {
            throw new IllegalArgumentException("link " + id + " loops on " + source + " — expected two distinct ends");
        }
    }

    /** The tier of the link. */
    public LinkTier tier() {
        return linkClass.tier();
    }

    /** Lanes of all parallel links, one direction. */
    public long lanes() {
        return (long) links * linkClass.lanesPerLink();
    }

    /** Capacity of all parallel links in one direction, b/s. */
    public double capacityBitsPerSecond() {
        return links * linkClass.linkRateBitsPerSecond();
    }

    /** Deterministic across runs; equality stays the record's (all components). */
    @Override
    public int hashCode() {
        return ((id * 31 + source.hashCode()) * 31 + target.hashCode()) * 31 + links;
    }

    @Override
    public String toString() {
        return tier() + "#" + id + "(" + source + "–" + target + " ×" + links + ")";
    }
}
