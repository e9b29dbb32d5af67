package org.mosaic.spark;

import java.io.Serializable;

/** One column of a sweep's rows (stand-in for org.mosaic.sweep's until it lands). */
record Column(String name, Type type) implements Serializable {
    enum Type { BIGINT, VARCHAR, DOUBLE }
}
