package org.mosaic.datapath;

/**
 * Argument checks shared by the datapath records. Every message names the value, what was expected and,
 * where there is one, a hint; all throw {@link IllegalArgumentException}.
 */
public final class Require {
    private Require() {
    }

    /** A probability in [0, max]. */
    public static double probability(String name, double value, double max, String hint) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " = " + value + " — expected a probability in [0, " + max + "]"
                    + (hint == null ? "" : " (hint: " + hint + ")"));
        }
        return value;
    }

    public static double finiteAtLeast(String name, double value, double min, String hint) {
        if (!(Double.isFinite(value) && value >= min)) {
            throw new IllegalArgumentException(name + " = " + value + " — expected a finite number ≥ " + min
                    + (hint == null ? "" : " (hint: " + hint + ")"));
        }
        return value;
    }

    public static double positive(String name, double value, String hint) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " = " + value + " — expected a finite number > 0"
                    + (hint == null ? "" : " (hint: " + hint + ")"));
        }
        return value;
    }

    public static double finite(String name, double value, String hint) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " — expected a finite number"
                    + (hint == null ? "" : " (hint: " + hint + ")"));
        }
        return value;
    }

    public static long inRange(String name, long value, long min, long max, String hint) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " — expected an integer in [" + min + ", " + max + "]"
                    + (hint == null ? "" : " (hint: " + hint + ")"));
        }
        return value;
    }

    public static int inRange(String name, int value, int min, int max, String hint) {
        return (int) inRange(name, (long) value, (long) min, (long) max, hint);
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing — expected a value");
        }
        return value;
    }

    /** Greatest common divisor of non-negative numbers. */
    public static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    public static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }
}
