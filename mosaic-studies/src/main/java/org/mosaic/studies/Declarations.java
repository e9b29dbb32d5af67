package org.mosaic.studies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a study's declaration from its types: inputs from the {@link In} annotations of the input record, metrics
 * from the numbers of the result type (records, lists and maps, walked as Jackson serialises them).
 */
public final class Declarations {
    private Declarations() {
    }

    /** The inputs of an input record, in component order; a component without {@link In} is refused. */
    public static List<InputSpec> inputs(Class<? extends Record> type) {
        List<InputSpec> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            In in = c.getAnnotation(In.class);
            if (in == null) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + " declares no @In (every input of a"
                        + " study says what it is)");
            }
            out.add(new InputSpec(c.getName(), inputType(c.getType(), in), in.unit(), in.range(), in.defaultValue(), in.value(),
                    in.document(), presets(in.document())));
        }
        return List.copyOf(out);
    }

    /** The shipped documents of a kind (a channel input takes every channel and cable scenario); none for no kind. */
    static List<String> presets(String kind) {
        if (kind.isEmpty()) {
            return List.of();
        }
        org.mosaic.core.scenario.Documents.Kind k = org.mosaic.core.scenario.Documents.Kind.of(kind);
        return k == org.mosaic.core.scenario.Documents.Kind.CHANNEL ? org.mosaic.core.scenario.ScenarioDocument.presetNames()
                : org.mosaic.core.scenario.Documents.names(k);
    }

    private static String inputType(Class<?> t, In in) {
        if (!in.document().isEmpty()) {
            return "document (" + in.document() + ")";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "flag";
        }
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class || t == java.util.OptionalInt.class) {
            return "integer";
        }
        if (t == double.class || t == Double.class || t == java.util.OptionalDouble.class) {
            return "number";
        }
        if (t.isEnum()) {
            return "choice";
        }
        if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
            return "list";
        }
        return "text";
    }

    /** The numbers of a result type, by JSON path, with their units. */
    public static List<MetricSpec> metrics(Class<?> type) {
        List<MetricSpec> out = new ArrayList<>();
        walk("", type, null, null, null, out, new java.util.HashSet<>());
        return List.copyOf(out);
    }

    /**
     * @param m     the {@link Metric} of the component being walked (null when it has none)
     * @param outer the nearest {@link Metric} of an enclosing component: it holds for the numbers beneath it that declare
     *              nothing and whose name gives no unit
     * @param ignoredHere the {@link JsonIgnoreProperties} of the component being walked (its keys are not written)
     */
    private static void walk(String path, Type type, Metric m, Metric outer, JsonIgnoreProperties ignoredHere, List<MetricSpec> out,
            Set<Type> seen) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if (isNumber(raw) || raw == boolean.class || raw == Boolean.class) {
            String key = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String named = Units.ofKey(key.replace("[]", "").replace("*", ""));
            // its own @Metric, its own name, an enclosing @Metric, then its parent's name (a statistic of a quantity)
            String unit = raw == boolean.class || raw == Boolean.class ? "bool"
                    : m != null && !m.unit().isEmpty() ? m.unit()
                    : !named.equals("1") ? named
                    : outer != null && !outer.unit().isEmpty() ? outer.unit() : Units.ofPath(path);
            String description = m != null && !m.value().isEmpty() ? m.value() : outer == null ? "" : outer.value();
            out.add(new MetricSpec(path, unit, description));
            return;
        }
        if (raw == Optional.class || raw == java.util.OptionalDouble.class) {
            Type arg = raw == Optional.class ? arg(type, 0) : Double.class;
            walk(path, arg, m, outer, ignoredHere, out, seen);
            return;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            walk(path + "[]", arg(type, 0), m, outer, ignoredHere, out, seen);
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            walk(path + ".*", arg(type, 1), m, outer, ignoredHere, out, seen);
            return;
        }
        if (raw.isRecord()) {
            if (!seen.add(raw)) {
                return;
            }
            Metric inner = m != null ? m : outer;   // a component's @Metric holds for the numbers beneath it
            Set<String> ignored = new java.util.HashSet<>();
            JsonIgnoreProperties onType = raw.getAnnotation(JsonIgnoreProperties.class);
            if (onType != null) {
                ignored.addAll(List.of(onType.value()));
            }
            if (ignoredHere != null) {
                ignored.addAll(List.of(ignoredHere.value()));
            }
            for (RecordComponent c : raw.getRecordComponents()) {
                Method acc = c.getAccessor();
                if (acc.isAnnotationPresent(JsonIgnore.class) || c.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                String name = c.getName();
                JsonProperty p = c.getAnnotation(JsonProperty.class);
                if (p == null) {
                    p = acc.getAnnotation(JsonProperty.class);
                }
                if (p != null && !p.value().isEmpty()) {
                    name = p.value();
                }
                Metric cm = c.getAnnotation(Metric.class);
                if (cm == null) {
                    cm = acc.getAnnotation(Metric.class);
                }
                if (ignored.contains(name)) {
                    continue;
                }
                JsonIgnoreProperties below = c.getAnnotation(JsonIgnoreProperties.class);
                if (below == null) {
                    below = acc.getAnnotation(JsonIgnoreProperties.class);
                }
                boolean unwrapped = c.isAnnotationPresent(JsonUnwrapped.class) || acc.isAnnotationPresent(JsonUnwrapped.class);
                walk(unwrapped ? path : path.isEmpty() ? name : path + "." + name, c.getGenericType(), cm, inner, below, out, seen);
            }
            seen.remove(raw);
        }
        // text, enums and JSON trees are not metrics
    }

    private static boolean isNumber(Class<?> c) {
        return c == double.class || c == int.class || c == long.class || c == float.class
                || Number.class.isAssignableFrom(c);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return null;
    }

    private static Type arg(Type t, int i) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i ? p.getActualTypeArguments()[i] : Object.class;
    }
}
