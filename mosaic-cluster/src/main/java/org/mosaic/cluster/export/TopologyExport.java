package org.mosaic.cluster.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.LinkTechnologies;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterGraph;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.Node;

/**
 * The placed cluster as a file other tools read: every vertex with its kind, rack and rack unit, and every
 * aggregated edge with its tier, parallel links, lanes, lane rate, routed cable length and the technology the policy
 * gives it as the fleet model counts it (or {@code unserved}; on-board links {@link FleetModel#ON_BOARD}). GraphML through JGraphT's exporter; CSV as an edge list.
 */
public final class TopologyExport {
    private TopologyExport() {
    }

    /** One edge of the export. */
    public record EdgeRow(Link link, String tier, String generation, double lengthMeters, String technology) {
    }

    /**
     * Every edge with its length and technology, in edge id order. The technology is the fleet model's own pick
     * ({@link LinkTechnologies}: the policy's pick at the link's length bin), so the export's links by technology are the
     * fleet result's; {@code lengthMeters} stays the cable's routed length before binning.
     */
    public static List<EdgeRow> edges(RackLayout placed, Policy policy, TechnologyMenu menu) {
        LinkTechnologies picks = LinkTechnologies.of(placed, policy, menu);
        List<EdgeRow> out = new ArrayList<>();
        for (Link l : placed.topology().graph().links()) {
            LinkTechnologies.Pick p = picks.pick(l);
            out.add(new EdgeRow(l, p.tier(), p.generation(), p.cableMeters(), p.technology()));
        }
        return out;
    }

    /** Writes GraphML (vertex and edge attributes as above). */
    public static void graphml(RackLayout placed, Policy policy, TechnologyMenu menu, Writer w) {
        ClusterGraph g = placed.topology().graph();
        Map<Link, EdgeRow> rows = new LinkedHashMap<>();
        for (EdgeRow r : edges(placed, policy, menu)) {
            rows.put(r.link(), r);
        }
        GraphMLExporter<Node, Link> ex = new GraphMLExporter<>(v -> "n" + v.id());
        ex.setEdgeIdProvider(e -> "e" + e.id());
        for (String a : List.of("kind", "group", "index", "rack", "unit")) {
            ex.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE,
                    a.equals("kind") ? AttributeType.STRING : AttributeType.INT);
        }
        ex.registerAttribute("tier", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        ex.registerAttribute("generation", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        ex.registerAttribute("links", GraphMLExporter.AttributeCategory.EDGE, AttributeType.INT);
        ex.registerAttribute("lanesPerLink", GraphMLExporter.AttributeCategory.EDGE, AttributeType.INT);
        ex.registerAttribute("laneRateBitsPerSecond", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
        ex.registerAttribute("lengthMeters", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
        ex.registerAttribute("technology", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        ex.setVertexAttributeProvider(v -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("kind", DefaultAttribute.createAttribute(v.kind().name().toLowerCase(Locale.ROOT)));
            m.put("group", DefaultAttribute.createAttribute(v.group()));
            m.put("index", DefaultAttribute.createAttribute(v.index()));
            m.put("rack", DefaultAttribute.createAttribute(placed.rackOf(v)));
            m.put("unit", DefaultAttribute.createAttribute(placed.unitOf(v)));
            return m;
        });
        ex.setEdgeAttributeProvider(e -> {
            EdgeRow r = rows.get(e);
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("tier", DefaultAttribute.createAttribute(r.tier()));
            m.put("generation", DefaultAttribute.createAttribute(r.generation()));
            m.put("links", DefaultAttribute.createAttribute(e.links()));
            m.put("lanesPerLink", DefaultAttribute.createAttribute(e.linkClass().lanesPerLink()));
            m.put("laneRateBitsPerSecond", DefaultAttribute.createAttribute(e.linkClass().laneRateBitsPerSecond()));
            m.put("lengthMeters", DefaultAttribute.createAttribute(r.lengthMeters()));
            m.put("technology", DefaultAttribute.createAttribute(r.technology()));
            return m;
        });
        ex.exportGraph(g, w);
    }

    /** Writes the edge list as CSV: one row per aggregated edge. */
    public static void csv(RackLayout placed, Policy policy, TechnologyMenu menu, Writer w) throws IOException {
        w.write("edge,source,sourceKind,sourceRack,target,targetKind,targetRack,tier,generation,links,lanesPerLink,"
                + "laneRateBitsPerSecond,lengthMeters,technology\n");
        for (EdgeRow r : edges(placed, policy, menu)) {
            Link l = r.link();
            w.write(String.format(Locale.ROOT, "%d,%d,%s,%d,%d,%s,%d,%s,%s,%d,%d,%.6g,%.4f,%s%n", l.id(), l.source().id(),
                    l.source().kind().name().toLowerCase(Locale.ROOT), placed.rackOf(l.source()), l.target().id(),
                    l.target().kind().name().toLowerCase(Locale.ROOT), placed.rackOf(l.target()), r.tier(), r.generation(),
                    l.links(), l.linkClass().lanesPerLink(), l.linkClass().laneRateBitsPerSecond(), r.lengthMeters(),
                    r.technology()));
        }
    }
}
