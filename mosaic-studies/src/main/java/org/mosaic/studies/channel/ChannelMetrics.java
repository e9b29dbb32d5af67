package org.mosaic.studies.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mosaic.studies.MetricSpec;

/**
 * The units of the channel model's numbers whose names do not end in a unit the convention knows: the channel's
 * result is a record of mosaic-optics, which cannot carry {@link org.mosaic.studies.Metric}, so its declaration is
 * completed here by the key's last name.
 */
final class ChannelMetrics {
    /** Last key → unit and meaning. */
    private static final Map<String, String[]> UNITS = Map.of(
            "dispersionPsPerNmKm", new String[] {"ps/(nm·km)", "chromatic dispersion at the source wavelength (Sellmeier, fused silica)"},
            "eyeHeightFraction", new String[] {"1", "inner eye height at the BER target, as a fraction of the OMA"},
            "qFactor", new String[] {"1", "Q of the nominal channel, from its BER"},
            "db", new String[] {"dB", "a budget line: a level in dBm or a gain, loss or penalty in dB (its unit says which)"});

    private ChannelMetrics() {
    }

    static List<MetricSpec> complete(List<MetricSpec> derived) {
        List<MetricSpec> out = new ArrayList<>();
        for (MetricSpec m : derived) {
            String key = m.path().substring(m.path().lastIndexOf('.') + 1).replace("[]", "");
            String[] u = UNITS.get(key);
            out.add(u == null ? m : new MetricSpec(m.path(), u[0], m.description().isEmpty() ? u[1] : m.description()));
        }
        return List.copyOf(out);
    }
}
