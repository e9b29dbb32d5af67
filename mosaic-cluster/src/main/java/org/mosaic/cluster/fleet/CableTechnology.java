package org.mosaic.cluster.fleet;

import java.util.List;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.PowerModel;

/**
 * A cable design as a fleet technology: a cable document (kind {@code cable}: a shipped preset or a user's file)
 * with the host attachment its power is taken at. {@link TechnologyMenu} turns it into one option per host
 * generation by the cable's own models: reach from the channel model, watts per end from the power model and FIT
 * per end from the reliability model (with spares), exactly as it evaluates the shipped MOSAIC rows.
 *
 * @param id         the technology id policies and {@code --rule TIER=ID} name (a user's cable: its document's {@code name})
 * @param label      display name before the generation, e.g. {@code MOSAIC} gives "MOSAIC 800G (pluggable)"
 * @param document   where the cable comes from (a preset name or a file), for the option's source
 * @param cable      the bound cable
 * @param attachment the host attachment whose power per end the option carries
 */
public record CableTechnology(String id, String label, String document, LinkSpec cable, PowerModel.Attachment attachment) {

    public CableTechnology {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a cable technology from " + document + " has no id — expected the document's name:"
                    + " (hint: add name: my-cable to the document)");
        }
        if (label == null || label.isBlank() || cable == null || attachment == null) {
            throw new IllegalArgumentException("cable technology " + id + ": label, cable and attachment are required");
        }
        document = document == null ? id : document;
    }

    /** The shipped MOSAIC technologies: the {@value TechnologyMenu#MOSAIC_PRESET} cable preset, pluggable and co-packaged. */
    public static List<CableTechnology> shipped() {
        ScenarioDocument doc = Documents.load(Documents.Kind.CABLE, TechnologyMenu.MOSAIC_PRESET);
        LinkSpec cable = LinkSpecs.bind(doc);
        return List.of(new CableTechnology(TechnologyMenu.MOSAIC_PLUGGABLE, "MOSAIC", TechnologyMenu.MOSAIC_PRESET, cable,
                        PowerModel.Attachment.PLUGGABLE),
                new CableTechnology(TechnologyMenu.MOSAIC_CPO, "MOSAIC", TechnologyMenu.MOSAIC_PRESET, cable, PowerModel.Attachment.CPO));
    }

    /**
     * A cable document ({@code FILE|PRESET}, kind {@code cable}) as a technology whose id is its {@code name:}, at the
     * host attachment it states ({@code host.attachment}, pluggable unless it says cpo).
     *
     * @throws ScenarioException for a document that is not a valid cable (every problem at once) or has no name
     */
    public static CableTechnology of(String fileOrPreset) {
        ScenarioDocument doc = Documents.load(Documents.Kind.CABLE, fileOrPreset);
        LinkSpec cable = LinkSpecs.bind(doc);
        String name = doc.tree().path("name").asText("").trim();
        if (name.isEmpty()) {
            throw new ScenarioException(doc.source() + ": a cable used as a technology needs a name: — expected e.g. name: my-cable"
                    + " (its technology id, for --rule TIER=ID)");
        }
        return new CableTechnology(name, name, fileOrPreset, cable, cable.attachment());
    }
}
