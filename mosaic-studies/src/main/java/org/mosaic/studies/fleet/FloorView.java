package org.mosaic.studies.fleet;

import java.util.ArrayList;
import java.util.List;

import org.mosaic.cluster.FleetFloor;
import org.mosaic.cluster.layout.RackLayout;

/**
 * The fleet's floor for a drawing ({@link FleetFloor}) in columns, so that thousands of racks and rack pairs stay small: racks by
 * id (kind, room, row, position in the row), and the links between racks by (from, to, tier, technology) with their count.
 *
 * @param policy            the policy whose technologies the links show (the first one evaluated, or the one asked by floorPolicy)
 * @param hallRows          rows of the hall
 * @param spineRoomRows     rows of the spine room (0 without one)
 * @param racksPerRow       rack positions per row, from the cluster document's layout
 * @param racks             the racks' columns
 * @param tiers             tier names, indexed by {@link Links#tier}
 * @param technologies      technology ids (with on-board-trace and unserved), indexed by {@link Links#technology}
 * @param links             the rack pairs' columns
 * @param linksByTechnology technology → topology links
 */
public record FloorView(String policy, int hallRows, int spineRoomRows, int racksPerRow, Racks racks, List<String> tiers,
                        List<String> technologies, Links links, java.util.Map<String, Long> linksByTechnology) {

    /** Racks by id: kind (gpu, network), room (hall, spine-room), row, position. */
    public record Racks(List<String> kind, List<String> room, int[] row, int[] position) {
    }

    /** Rack pairs: the lower and higher rack id (equal inside a rack), tier and technology indices, topology links. */
    public record Links(int[] from, int[] to, int[] tier, int[] technology, long[] count) {
    }

    /** The columns of {@code f}. */
    public static FloorView of(FleetFloor f) {
        int n = f.racks().size();
        List<String> kind = new ArrayList<>(n);
        List<String> room = new ArrayList<>(n);
        int[] row = new int[n];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            RackLayout.RackSlot s = f.racks().get(i);
            kind.add(s.kind() == RackLayout.RackKind.GPU ? "gpu" : "network");
            room.add(s.room() == RackLayout.Room.HALL ? "hall" : "spine-room");
            row[i] = s.row();
            pos[i] = s.position();
        }
        List<String> tiers = new ArrayList<>();
        List<String> techs = new ArrayList<>(f.linksByTechnology().keySet());
        int m = f.links().size();
        int[] from = new int[m];
        int[] to = new int[m];
        int[] tier = new int[m];
        int[] tech = new int[m];
        long[] count = new long[m];
        for (int i = 0; i < m; i++) {
            FleetFloor.RackLinks l = f.links().get(i);
            if (!tiers.contains(l.tier())) {
                tiers.add(l.tier());
            }
            from[i] = l.from();
            to[i] = l.to();
            tier[i] = tiers.indexOf(l.tier());
            tech[i] = techs.indexOf(l.technology());
            count[i] = l.links();
        }
        return new FloorView(f.policy(), f.hallRows(), f.spineRoomRows(), f.racksPerRow(), new Racks(List.copyOf(kind), List.copyOf(room), row, pos),
                List.copyOf(tiers), List.copyOf(techs), new Links(from, to, tier, tech, count), f.linksByTechnology());
    }
}
