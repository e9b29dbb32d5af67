/**
 * The fleet: the topology graph ({@code topology}: scale-up domains and a folded-Clos or rail-optimized fabric with
 * closed-form sizes), the physical layout ({@code layout}: racks, rows, switch placement, every cable's routed length,
 * rack density), technology policies and fleet metrics ({@code fleet}: a technology per link that reaches, power,
 * energy, cost, failures), and {@link org.mosaic.cluster.FleetModel}, which puts them together. Not yet built: the
 * report section, GraphML export, the training-job view of failures and the training model.
 */
package org.mosaic.cluster;
