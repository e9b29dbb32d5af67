/**
 * Technology policy and fleet metrics: link groups (tier, generation, length, count) get a technology from a
 * {@link org.mosaic.cluster.fleet.TechnologyMenu} (the baseline catalog plus our MOSAIC rows) by a named or
 * per-tier {@link org.mosaic.cluster.fleet.Policy}; {@link org.mosaic.cluster.fleet.FleetMetrics} turns the
 * assignment into power, energy, cost, capex and link failures; {@link org.mosaic.cluster.fleet.PolicySavings}
 * compares two policies; {@link org.mosaic.cluster.fleet.FailureSimulation} checks the failure count by Monte Carlo.
 * The input does not depend on the topology package: any list of link groups will do.
 */
package org.mosaic.cluster.fleet;
