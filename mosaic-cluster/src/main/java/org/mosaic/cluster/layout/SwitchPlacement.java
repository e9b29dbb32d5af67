package org.mosaic.cluster.layout;

/**
 * Where the switches of one scale-out tier sit.
 * <ul>
 *   <li>{@link #TOP_OF_RACK}: at the top of the GPU rack holding the switch's median GPU (leaves only).</li>
 *   <li>{@link #MIDDLE_OF_ROW}: in the network racks in the middle of the row holding its median downstream
 *       neighbour; when they are full, in the nearest row with room.</li>
 *   <li>{@link #END_OF_ROW}: the same, in the network racks at the row's far end (x = row length).</li>
 *   <li>{@link #SPINE_ROOM}: in a separate network room at a distance from the hall, racks filled in switch
 *       order.</li>
 * </ul>
 */
public enum SwitchPlacement {
    TOP_OF_RACK, MIDDLE_OF_ROW, END_OF_ROW, SPINE_ROOM
}
