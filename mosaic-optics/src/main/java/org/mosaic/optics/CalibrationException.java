package org.mosaic.optics;

/** Measured data or a fit request that cannot be used; the message says what, where and what to do. */
public final class CalibrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CalibrationException(String message) {
        super(message);
    }
}
