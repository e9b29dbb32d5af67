package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;

/**
 * The plain values of a study's inputs (flags, numbers with units, integers, text with a set of choices, enums, lists),
 * read from JSON by the component's Java type and its {@link In} declaration: unit, range, default.
 */
final class Values {
    private static final Pattern BOUND = Pattern.compile("\\s*(>=|>|<=|<)\\s*([-+0-9.eE,]+)\\s*");
    private static final Pattern SPAN = Pattern.compile("\\s*([-+0-9.eE,]+)\\s*\\.\\.\\s*([-+0-9.eE,]+)\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*\\(\\s*([-+0-9.eE,]+)\\s*,\\s*([-+0-9.eE,]+)\\s*\\)\\s*");
    private static final Pattern CHOICES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]*(\\|[A-Za-z0-9][A-Za-z0-9.\\-]*)+");

    private Values() {
    }

    /**
     * The declared default ({@link In#defaultValue()}) as JSON: a number with a unit as its text, a plain number as a
     * number, a flag as true/false, a list as a list; null when there is none or it is a description ("the cluster's").
     */
    static JsonNode declaredDefault(RecordComponent c) {
        In in = c.getAnnotation(In.class);
        String text = in.defaultValue().trim();
        if (text.isEmpty()) {
            return NullNode.instance;
        }
        Class<?> t = c.getType();
        try {
            Object v = parse(c, JsonNodeFactory.instance.textNode(text), true);
            if (v == null) {
                return NullNode.instance;
            }
            if (v instanceof Boolean b) {
                return JsonNodeFactory.instance.booleanNode(b);
            }
            if (v instanceof Integer || v instanceof Long) {
                return JsonNodeFactory.instance.numberNode(((Number) v).longValue());
            }
            if (v instanceof Double d) {
                return hasUnit(in) ? JsonNodeFactory.instance.textNode(text) : JsonNodeFactory.instance.numberNode(d);
            }
            if (v instanceof List<?> l) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (Object o : l) {
                    a.add(o instanceof Number n ? JsonNodeFactory.instance.numberNode(n.doubleValue())
                            : JsonNodeFactory.instance.textNode(String.valueOf(o)));
                }
                return a;
            }
            if (t.isEnum() || v instanceof String) {
                return JsonNodeFactory.instance.textNode(text);
            }
        } catch (RuntimeException e) {
            return NullNode.instance;   // a description, e.g. "the whole cluster": not given
        }
        return NullNode.instance;
    }

    /**
     * The value of {@code node} for component {@code c}. JSON null is taken when {@code nullable} (the input has no default
     * value) and refused otherwise. Throws {@link UsageException} with "value — expected ..." (the caller names the key).
     */
    static Object parse(RecordComponent c, JsonNode node, boolean nullable) {
        In in = c.getAnnotation(In.class);
        Class<?> t = c.getType();
        if (node == null || node.isNull()) {
            if (nullable && !t.isPrimitive()) {
                return null;
            }
            throw new UsageException("null — expected " + expected(c, in) + hint(in));
        }
        Object v;
        if (t == boolean.class || t == Boolean.class) {
            v = bool(node, in);
        } else if (t == int.class || t == Integer.class) {
            long l = integer(node, in);
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new UsageException(node.asText() + " — expected " + expected(c, in) + " within the range of an int" + hint(in));
            }
            v = (int) l;
        } else if (t == long.class || t == Long.class) {
            v = integer(node, in);
        } else if (t == double.class || t == Double.class) {
            v = number(node, in);
        } else if (t == String.class) {
            v = text(node, in);
        } else if (t.isEnum()) {
            v = enumValue(t, node, in);
        } else if (List.class.isAssignableFrom(t)) {
            return list(c, node, in);
        } else {
            throw new UsageException("this input (" + t.getSimpleName() + ") cannot be given as a value");
        }
        inRange(v, node, in);
        return v;
    }

    private static boolean bool(JsonNode node, In in) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String s = node.isTextual() ? node.asText().trim().toLowerCase(Locale.ROOT) : "";
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new UsageException(StudyInputs.shown(node) + " — expected true or false" + hint(in));
    }

    private static long integer(JsonNode node, In in) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()) && Math.abs(node.asDouble()) < 9e15) {
            return (long) node.asDouble();
        }
        if (node.isTextual()) {
            String s = node.asText().trim();
            String digits = s.replace(",", "").replace("_", "");
            if (digits.matches("[+-]?\\d{1,18}")) {
                return Long.parseLong(digits);
            }
            Dimension dim = dimension(in);
            if (dim != null) {   // e.g. "64 B" for a size in bytes
                double si = Quantities.parse(s, dim);
                if (si == Math.rint(si) && Math.abs(si) < 9e15) {
                    return (long) si;
                }
                throw new UsageException("\"" + s + "\" is " + si + " " + in.unit() + " — expected a whole number of " + in.unit() + hint(in));
            }
        }
        throw new UsageException(StudyInputs.shown(node) + " — expected a whole number" + unitWords(in) + hint(in));
    }

    private static double number(JsonNode node, In in) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            String s = node.asText().trim();
            Dimension dim = dimension(in);
            if (dim != null) {
                return Quantities.parse(s, dim);
            }
            try {
                double d = Double.parseDouble(s);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new UsageException(StudyInputs.shown(node) + " — expected a number" + unitWords(in) + hint(in));
    }

    private static String text(JsonNode node, In in) {
        String s;
        if (node.isTextual()) {
            s = node.asText().trim();
        } else if (node.isNumber()) {   // a number given where text with a unit is read: in the declared unit
            s = node.asText() + (hasUnit(in) ? " " + in.unit() : "");
        } else {
            throw new UsageException(StudyInputs.shown(node) + " — expected text" + (in.range().isEmpty() ? "" : " (" + in.range() + ")")
                    + hint(in));
        }
        return s;
    }

    private static Object enumValue(Class<?> t, JsonNode node, In in) {
        if (!node.isTextual()) {
            throw new UsageException(StudyInputs.shown(node) + " — expected one of " + choices(t, in) + hint(in));
        }
        String s = node.asText().trim();
        try {
            Method parse = t.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && t.isAssignableFrom(parse.getReturnType())) {
                return parse.invoke(null, s);
            }
        } catch (NoSuchMethodException e) {
            // by name below
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new UsageException("\"" + s + "\" — " + e.getCause().getMessage() + hint(in));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        for (Object o : t.getEnumConstants()) {
            if (((Enum<?>) o).name().replace('_', '-').equalsIgnoreCase(s.replace('_', '-'))) {
                return o;
            }
        }
        throw new UsageException("\"" + s + "\" — expected one of " + choices(t, in) + hint(in));
    }

    private static String choices(Class<?> t, In in) {
        if (!in.range().isEmpty()) {
            return in.range().replace("|", ", ");
        }
        List<String> names = new ArrayList<>();
        for (Object o : t.getEnumConstants()) {
            names.add(((Enum<?>) o).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", names);
    }

    private static List<Object> list(RecordComponent c, JsonNode node, In in) {
        Class<?> e = StudyInputs.elementType(c);
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isTextual()) {   // a comma-separated list, as a flag gives it
            String s = node.asText().trim();
            if (!s.isEmpty()) {
                for (String part : s.split(",")) {
                    items.add(JsonNodeFactory.instance.textNode(part.trim()));
                }
            }
        } else if (node.isNumber()) {
            items.add(node);
        } else {
            throw new UsageException(StudyInputs.shown(node) + " — expected a list, e.g. [\"a\", \"b\"] or \"a,b\"" + hint(in));
        }
        List<Object> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                Object v;
                if (e == Double.class) {
                    v = number(item, in);
                } else if (e == Integer.class || e == Long.class) {
                    long l = integer(item, in);
                    v = e == Integer.class ? (Object) (int) l : (Object) l;
                } else if (e == String.class) {
                    v = item.isValueNode() ? item.asText().trim() : null;
                    if (v == null || ((String) v).isEmpty()) {
                        throw new UsageException(StudyInputs.shown(item) + " — expected text");
                    }
                } else {
                    throw new UsageException("this input (a list of " + e.getSimpleName() + ") cannot be given as a value");
                }
                inRange(v, item, in);
                out.add(v);
            } catch (UsageException | IllegalArgumentException x) {
                bad.add(x.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            throw new UsageException(String.join("; ", bad));
        }
        return out;
    }

    /** Checks a value against a range of a form this reads ("> 0", "1..100", "(0, 1)", "a|b|c"); other ranges are the study's. */
    private static void inRange(Object v, JsonNode node, In in) {
        String range = in.range().trim();
        if (range.isEmpty()) {
            return;
        }
        if (v instanceof String s) {
            if (CHOICES.matcher(range).matches() && !range.contains("..")) {
                List<String> choices = List.of(range.split("\\|"));
                if (!choices.contains(s)) {
                    throw new UsageException("\"" + s + "\" — expected one of " + String.join(", ", choices)
                            + SpecReader.didYouMean(s, choices) + hint(in));
                }
            }
            return;
        }
        if (!(v instanceof Number n)) {
            return;
        }
        double x = n.doubleValue();
        boolean ok = true;
        Matcher m;
        if ((m = BOUND.matcher(range)).matches()) {
            double b = num(m.group(2));
            ok = switch (m.group(1)) {
                case ">" -> x > b;
                case ">=" -> x >= b;
                case "<" -> x < b;
                default -> x <= b;
            };
        } else if ((m = SPAN.matcher(range)).matches()) {
            ok = x >= num(m.group(1)) && x <= num(m.group(2));
        } else if ((m = OPEN.matcher(range)).matches()) {
            ok = x > num(m.group(1)) && x < num(m.group(2));
        } else {
            return;
        }
        if (!ok || Double.isNaN(x)) {
            String given = node.isTextual() ? "\"" + node.asText().trim() + "\"" : node.asText();
            throw new UsageException(given + " is out of range — expected " + range + (hasUnit(in) ? " " + in.unit() : "") + hint(in));
        }
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    private static String expected(RecordComponent c, In in) {
        Class<?> t = c.getType();
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
            return "a whole number" + unitWords(in);
        }
        if (t == double.class || t == Double.class) {
            return "a number" + unitWords(in);
        }
        return "a value" + (in.range().isEmpty() ? "" : " (" + in.range() + ")");
    }

    private static String unitWords(In in) {
        String r = in.range().isEmpty() ? "" : " in " + in.range();
        Dimension d = dimension(in);
        return r + (d != null ? " with a unit, e.g. \"" + d.example() + "\" (a bare number is in " + in.unit() + ")" : "");
    }

    private static String hint(In in) {
        return in.defaultValue().isEmpty() ? "" : " (default: " + in.defaultValue() + ")";
    }

    static boolean hasUnit(In in) {
        return dimension(in) != null;
    }

    /** The dimension whose SI unit is the input's declared unit (null for "1", "" and units no dimension has). */
    static Dimension dimension(In in) {
        String u = in.unit();
        if (u.isEmpty() || u.equals("1")) {
            return null;
        }
        for (Dimension d : Dimension.values()) {
            if (d.siUnit().equals(u)) {
                return d;
            }
        }
        return null;
    }
}
