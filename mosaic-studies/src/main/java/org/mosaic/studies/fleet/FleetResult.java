package org.mosaic.studies.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.RackLayout;

/**
 * The answer of the {@code fleet} study. Under one policy its keys are that policy's run ({@code run}, unwrapped);
 * comparing policies, {@code policies} holds every run and {@code savingsAgainstToday} each other policy against
 * today. {@code technologyNotes} says what the user's cables and catalog did to the menu (absent when nothing).
 * The placement, the menu and the policies as evaluated are kept (not in the JSON) for exports of the topology.
 *
 * @param run                 the one policy's run, or null when comparing
 * @param policies            every policy's run when comparing, in {@link Policy#NAMES} order, or null
 * @param savingsAgainstToday each other policy against today when comparing, or null
 * @param technologyNotes     one note per user cable or catalog change, or null without any
 * @param clusterName         the cluster document's name
 * @param placed              the placed cluster every policy was evaluated on
 * @param menu                the technology menu the policies chose from
 * @param evaluated           the policies as evaluated (with the rules), in run order
 * @param floor               the racks and the links between them by technology under the first policy (or the input's floorPolicy), when asked
 */
public record FleetResult(@JsonUnwrapped PolicyRun run,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyRun> policies,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicySavings> savingsAgainstToday,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> technologyNotes,
                          @JsonIgnore String clusterName, @JsonIgnore RackLayout placed, @JsonIgnore TechnologyMenu menu,
                          @JsonIgnore List<Policy> evaluated, @JsonInclude(JsonInclude.Include.NON_NULL) FloorView floor) {

    /** A result without its floor. */
    public FleetResult(PolicyRun run, List<PolicyRun> policies, List<PolicySavings> savingsAgainstToday, List<String> technologyNotes,
                       String clusterName, RackLayout placed, TechnologyMenu menu, List<Policy> evaluated) {
        this(run, policies, savingsAgainstToday, technologyNotes, clusterName, placed, menu, evaluated, null);
    }

    public FleetResult {
        policies = policies == null ? null : List.copyOf(policies);
        savingsAgainstToday = savingsAgainstToday == null ? null : List.copyOf(savingsAgainstToday);
        technologyNotes = technologyNotes == null || technologyNotes.isEmpty() ? null : List.copyOf(technologyNotes);
        evaluated = List.copyOf(evaluated);
    }

    /** Every run, in order (one under a single policy). */
    public List<PolicyRun> runs() {
        return run != null ? List.of(run) : policies;
    }

    /** The savings against today (empty under a single policy). */
    public List<PolicySavings> savings() {
        return savingsAgainstToday == null ? List.of() : savingsAgainstToday;
    }

    /** The technology notes (empty without any). */
    public List<String> notes() {
        return technologyNotes == null ? List.of() : technologyNotes;
    }
}
