package org.mosaic.sweep;

import java.io.Serializable;

/**
 * One column of a sweep's rows.
 *
 * @param name its name: {@code point}, {@code seed}, an axis's key, {@code <key> [<unit>]}, {@code <metric path> [<unit>]},
 *             {@code error}
 * @param type its SQL type
 */
public record Column(String name, Type type) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The SQL types a row holds: Java {@code Long}, {@code Double} and {@code String} (each may be null). */
    public enum Type {
        BIGINT, DOUBLE, VARCHAR
    }
}
