package org.mosaic.studies.datapath;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Mapping;

/**
 * A gearbox mapping with the host it runs on. In JSON it is its id ({@link JsonValue}); the mapping and the host are
 * marked ignored so that a result's declared metrics do not list the host's numbers under every variant.
 */
public record Variant(String id, String label, @JsonIgnore Mapping mapping, @JsonIgnore HostSpec host) {
    public static final Variant BIT = new Variant("bit", "bit", Mapping.BIT, HostSpec.HOST_800G);
    public static final Variant SYMBOL = new Variant("symbol", "symbol", Mapping.SYMBOL, HostSpec.HOST_800G);
    public static final Variant CODEWORD_AWARE = new Variant("codeword-aware", "codeword-aware", Mapping.CODEWORD_AWARE,
            HostSpec.HOST_800G);
    /**
     * The bit mapping under the alternative reading of 802.3's PCS dealing, units of one symbol per codeword, so
     * every PCS lane carries both codewords of its flow (the default before issue 17; docs/datapath.md). The default
     * host deals single symbols ({@link HostSpec.PcsDealing#SYMBOLS}).
     */
    public static final Variant BIT_UNIT_DEALING = new Variant("bit-unit-dealing",
            "bit, unit PCS dealing", Mapping.BIT, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.UNITS));
    /** The three mappings on the default host. */
    public static final List<Variant> MAPPINGS = List.of(BIT, SYMBOL, CODEWORD_AWARE);
    /** The three mappings and the sensitivity case. */
    public static final List<Variant> ALL = List.of(BIT, SYMBOL, CODEWORD_AWARE, BIT_UNIT_DEALING);

    public Variant {
        if (id == null || id.isBlank() || label == null || mapping == null || host == null) {
            throw new IllegalArgumentException("variant " + id + ": id, label, mapping and host are required — expected e.g. "
                    + "new Variant(\"bit\", \"bit\", Mapping.BIT, HostSpec.HOST_800G)");
        }
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }
}
