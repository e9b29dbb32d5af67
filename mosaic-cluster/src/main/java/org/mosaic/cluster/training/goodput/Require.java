package org.mosaic.cluster.training.goodput;

import java.util.Locale;

/** Argument checks shared by the goodput records: each message names the value, what was expected and a hint. */
final class Require {
    private Require() {
    }

    /** {@code v} must be finite and ≥ 0. */
    static double nonNegative(String what, double v, String hint) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s — expected a finite value >= 0 (%s)", what, v, hint));
        }
        return v;
    }

    /** {@code v} must be finite and > 0. */
    static double positive(String what, double v, String hint) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s — expected a positive finite value (%s)", what, v, hint));
        }
        return v;
    }

    /** {@code s} must be a non-blank string. */
    static String nonBlank(String what, String s, String hint) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " '" + s + "' — expected a non-blank name (" + hint + ")");
        }
        return s;
    }

    /** {@code o} must not be null. */
    static <T> T present(String what, T o, String hint) {
        if (o == null) {
            throw new IllegalArgumentException(what + " is missing — expected a value (" + hint + ")");
        }
        return o;
    }
}
