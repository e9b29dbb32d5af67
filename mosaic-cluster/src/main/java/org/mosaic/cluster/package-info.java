/**
 * The fleet (issue: cluster topology, physical layout, cabling, and what MOSAIC does to power, failures and cost).
 * This release holds its foundations: the topology graph with closed-form sizes and the technology policy with fleet
 * metrics; the physical layout, CLI and report section follow.
 */
package org.mosaic.cluster;
