/**
 * The physical layout of a fleet and its cable lengths: a {@link org.mosaic.cluster.layout.LayoutSpec} (racks with
 * a power budget, units and cooling; equipment power and height; rows, aisles, network racks and a spine room;
 * switch placement per tier; slack and length bins) places a topology's vertices in racks
 * ({@link org.mosaic.cluster.layout.RackLayout}, domains by {@link org.mosaic.cluster.layout.RackFit}); every
 * aggregated edge gets the length of its route, and {@link org.mosaic.cluster.layout.CablePlan} aggregates the links
 * into the fleet package's link groups by (tier, generation, length bin) with a length histogram per tier, the
 * generation from the lane rate ({@link org.mosaic.cluster.layout.GenerationMap}).
 * {@link org.mosaic.cluster.layout.RackDensity} compares a dense rack with a spread domain;
 * The sourced layouts are the {@code layout:} sections of the cluster documents ({@link org.mosaic.cluster.fleet.ClusterDocument}).
 */
package org.mosaic.cluster.layout;
