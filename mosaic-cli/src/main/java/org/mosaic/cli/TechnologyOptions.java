package org.mosaic.cli;

import org.mosaic.studies.UsageException;
import org.mosaic.studies.fleet.NamedDocument;
import org.mosaic.studies.fleet.TechnologyChoice;
import org.mosaic.studies.fleet.Technologies;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import picocli.CommandLine.Option;

/**
 * {@code --technology FILE|PRESET}, {@code --catalog FILE} and {@code --rule TIER=ID,...}, shared by fleet, train and
 * goodput: the technologies the command's policies choose from and the user's rules on top. Without a technology or a
 * catalog, the shipped menu; otherwise the shipped catalog with the user's catalog merged over it, the shipped MOSAIC
 * rows and each user cable, all built by the same path: the options are read into a {@link TechnologyChoice}, which
 * {@link Technologies} (study side, shared by the fleet, training and goodput studies) checks and resolves.
 */
public final class TechnologyOptions {
    @Option(names = "--technology", paramLabel = "FILE|PRESET", description = "A cable design as a technology (kind: cable; a preset "
            + "such as mosaic-800g, avicena-like, smartsens-unisoc, or a file): its id is the document's name; reach from the channel "
            + "model, watts and FIT per end from the cable model; choose it with --rule TIER=ID (repeatable).")
    List<String> technologies = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE", description = "A technology catalog (kind: catalog, the format of the shipped "
            + "catalog preset 'baselines'): its technologies add to the shipped catalog or replace the entries with the same id.")
    String catalog;

    @Option(names = "--rule", paramLabel = "TIER=ID[,ID...]", description = "A user rule: on this tier (scale-up, gpu-leaf, "
            + "leaf-spine, spine-core) use the first of these technology ids that reaches; other tiers follow --policy (repeatable).")
    List<String> rules = new ArrayList<>();

    /** The options read as a study's input (see {@link #choice()}). */
    private TechnologyChoice choice;

    /** The interconnect (menu and rules) and what the user's documents did to the menu (one note each). */
    public record Resolved(Interconnect interconnect, List<String> notes) {
        public Resolved {
            notes = List.copyOf(notes);
        }
    }

    /** With a training system there is no placement and no policy: a technology, catalog or rule would change nothing. */
    void refuseWithSystem() {
        if (!technologies.isEmpty() || catalog != null || !rules.isEmpty()) {
            throw new UsageException("--system with " + (!technologies.isEmpty() ? "--technology" : catalog != null ? "--catalog" : "--rule")
                    + ": a training system states its scale-up and scale-out bandwidth directly, so no technology is chosen "
                    + "for its links (hint: use --cluster NAME|FILE with --policy and --rule to place the job on a cluster)");
        }
    }

    /**
     * The options as a study's input: each --technology and the --catalog read (FILE|PRESET; a document that cannot be
     * read or is of another kind is refused naming the flag), the rules as given. Read once.
     */
    public TechnologyChoice choice() {
        if (choice == null) {
            List<NamedDocument> cables = new ArrayList<>();
            for (String t : technologies) {
                cables.add(new NamedDocument(t, load(Documents.Kind.CABLE, "--technology", t)));
            }
            NamedDocument cat = catalog == null ? null : new NamedDocument(catalog, load(Documents.Kind.CATALOG, "--catalog", catalog));
            choice = new TechnologyChoice(cables, cat, rules);
        }
        return choice;
    }

    /**
     * Checks the rules before any model runs ({@link Technologies#checkRules}): each TIER=ID[,ID...], each tier once and
     * one the cluster has as cables, and every --technology named by some rule (otherwise it would change nothing).
     *
     * @param preset  the cluster's name, for messages
     * @param cluster the cluster the rules apply to
     * @param command the command, for messages
     */
    void checkRules(String preset, ClusterSpec cluster, String command) {
        Technologies.checkRules(choice(), preset, cluster, command);
    }

    /** A document of {@code kind}, a refusal naming the flag. */
    private static ScenarioDocument load(Documents.Kind kind, String flag, String text) {
        try {
            return Documents.load(kind, text);
        } catch (org.mosaic.core.scenario.ScenarioException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }

    /** The menu (the shipped one, or the catalog with --catalog merged and the shipped and user cables) and the rules. */
    Resolved resolve() {
        Technologies.Resolved r = Technologies.resolve(choice());
        return new Resolved(r.interconnect(), r.notes());
    }

    /** The notes as lines ("note: ..."), or "" (the table's tail; CSV output prints them on stderr). */
    static String notesText(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
