package org.mosaic.studies;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.UnwrappingBeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the numbers at metric paths straight from a result record, without building its JSON tree: the same answer as
 * {@link Results#number}{@code (Results.tree(result), path)} for every path (the same names, the element-name and
 * map-key brackets, NaN and infinities as null, yes/no as 1/0), at a fraction of the cost, which is what a sweep pays
 * per point.
 *
 * <p>Names are Jackson's own: each record or bean class is looked up once in {@link Output#JSON}'s serializer (its
 * property writers: the names it writes and the accessors it calls; {@code @JsonUnwrapped} properties lifted into their
 * owner as Jackson does). Anything this reader does not mirror exactly (a class with its own serializer or a
 * {@code @JsonValue}, a property with {@code @JsonSerialize}, an any-getter, an unwrapped property with a prefix, a map
 * with keys that are not text, a list element whose name is not text) is turned into its JSON tree there, and the rest
 * of the path is read from that tree by {@link Results#number}: never a different answer, only a slower one.
 */
public final class MetricReader {
    /** What Jackson writes for a class: its properties by name, or null when this reader takes its tree instead. */
    private static final ClassValue<Map<String, Accessor>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Accessor> computeValue(Class<?> type) {
            return properties(type);
        }
    };

    private final List<String> paths;

    private MetricReader(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /** A reader of these paths (each a concrete metric path, as {@link Results#number} takes it). */
    public static MetricReader of(List<String> paths) {
        return new MetricReader(paths);
    }

    public List<String> paths() {
        return paths;
    }

    /** The number at each path of the result, in order; null where absent, not a number, NaN or infinite. */
    public Double[] read(Object result) {
        Double[] out = new Double[paths.size()];
        Map<Object, JsonNode> trees = new IdentityHashMap<>(4);   // an opaque part's tree, made once per result
        for (int i = 0; i < out.length; i++) {
            out[i] = number(result, paths.get(i), trees);
        }
        return out;
    }

    /** {@link Results#number}{@code (Results.tree(result), path)}, read from the record itself. */
    public static Double number(Object result, String path) {
        return number(result, path, new IdentityHashMap<>(4));
    }

    private static Double number(Object result, String path, Map<Object, JsonNode> trees) {
        Object n = result;
        int i = 0;
        while (n != null && i < path.length()) {
            if (n instanceof Optional<?> o) {
                n = o.orElse(null);
                continue;
            }
            if (opaque(n)) {
                return Results.number(trees.computeIfAbsent(n, Results::tree), path.substring(i));
            }
            char ch = path.charAt(i);
            if (ch == '.') {
                i++;
            } else if (ch == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String key = path.substring(i + 1, close);
                if (isList(n)) {
                    if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
                        n = at(n, Integer.parseInt(key));
                    } else {
                        List<Object> items = items(n);
                        if (!namesAreText(items)) {
                            return Results.number(trees.computeIfAbsent(n, Results::tree), path.substring(i));
                        }
                        n = element(items, key);
                    }
                } else {
                    n = get(n, key);
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                // a map's key may hold dots: take the longer key where the shorter is absent (as Results.number)
                while (!has(n, path.substring(i, end)) && end < path.length() && path.charAt(end) == '.') {
                    end++;
                    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                        end++;
                    }
                }
                n = get(n, path.substring(i, end));
                i = end;
            }
        }
        return scalar(n);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The number a value is written as: a finite number, 1 or 0 for yes/no; null for anything else. */
    private static Double scalar(Object n) {
        if (n instanceof Optional<?> o) {
            return scalar(o.orElse(null));
        }
        if (n instanceof OptionalDouble o) {
            return o.isPresent() ? finite(o.getAsDouble()) : null;
        }
        if (n instanceof OptionalInt o) {
            return o.isPresent() ? (double) o.getAsInt() : null;
        }
        if (n instanceof OptionalLong o) {
            return o.isPresent() ? (double) o.getAsLong() : null;
        }
        if (n instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (n instanceof Number x) {
            return finite(x.doubleValue());
        }
        if (n instanceof JsonNode j) {
            return j.isBoolean() ? (j.booleanValue() ? 1.0 : 0.0) : j.isNumber() ? finite(j.doubleValue()) : null;
        }
        return null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Whether the value is written as something this reader does not walk itself (its tree is read instead). */
    private static boolean opaque(Object n) {
        if (n instanceof JsonNode || n instanceof Map<?, ?> m && !textKeys(m)) {
            return true;
        }
        return bean(n) && PROPERTIES.get(n.getClass()) == null;
    }

    /** A value Jackson writes as an object of properties (not a scalar, a list, a map or a tree). */
    private static boolean bean(Object n) {
        return !(n instanceof Number || n instanceof Boolean || n instanceof CharSequence || n instanceof Character
                || n instanceof Enum<?> || n instanceof Map<?, ?> || isList(n) || n instanceof JsonNode || n instanceof Optional<?>
                || n instanceof OptionalDouble || n instanceof OptionalInt || n instanceof OptionalLong || n instanceof Class<?>);
    }

    private static boolean textKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isList(Object n) {
        return n instanceof Collection<?> || n != null && n.getClass().isArray();
    }

    private static List<Object> items(Object n) {
        if (n instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        int len = Array.getLength(n);
        List<Object> out = new ArrayList<>(len);
        for (int k = 0; k < len; k++) {
            out.add(Array.get(n, k));
        }
        return out;
    }

    private static Object at(Object list, int index) {
        if (list instanceof List<?> l) {
            return index < l.size() ? l.get(index) : null;
        }
        if (list instanceof Collection<?> c) {
            return index < c.size() ? new ArrayList<>(c).get(index) : null;
        }
        return index < Array.getLength(list) ? Array.get(list, index) : null;
    }

    /**
     * Whether every naming field of every element that is written as an object is, in the tree, text exactly when it is
     * a {@code String} here (an enum, a char or a class Jackson writes as text would be text there and not here).
     */
    private static boolean namesAreText(List<Object> items) {
        for (Object e : items) {
            if (e == null || !objectLike(e)) {
                continue;
            }
            if (opaque(e)) {
                return false;
            }
            for (String f : Results.NAME_FIELDS) {
                Object v = get(e, f);
                if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || isList(v)
                        || v instanceof Map<?, ?> m && textKeys(m)) {
                    continue;
                }
                if (!bean(v) || PROPERTIES.get(v.getClass()) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean objectLike(Object e) {
        return e instanceof Map<?, ?> || bean(e);
    }

    /** The first element whose naming field (the first of {@link Results#NAME_FIELDS} it has) equals the name, as Results. */
    private static Object element(List<Object> items, String name) {
        for (Object e : items) {
            if (e == null || !objectLike(e)) {
                continue;
            }
            for (String f : Results.NAME_FIELDS) {
                Object v = get(e, f);
                if (v instanceof String s) {
                    if (s.equals(name)) {
                        return e;
                    }
                    break;
                }
            }
        }
        return null;
    }

    private static boolean has(Object n, String name) {
        if (n instanceof Map<?, ?> m) {
            return m.containsKey(name);
        }
        if (n == null || !bean(n)) {
            return false;
        }
        Map<String, Accessor> p = PROPERTIES.get(n.getClass());
        if (p == null) {
            return false;
        }
        Accessor a = p.get(name);
        return a != null && a.present(n);
    }

    private static Object get(Object n, String name) {
        if (n instanceof Optional<?> o) {
            return get(o.orElse(null), name);
        }
        if (n instanceof Map<?, ?> m) {
            return m.get(name);
        }
        if (n == null || !bean(n)) {
            return null;
        }
        Map<String, Accessor> p = PROPERTIES.get(n.getClass());
        Accessor a = p == null ? null : p.get(name);
        return a == null ? null : a.get(n);
    }

    /** How a property's value is reached from its owner: a writer, after the unwrapped properties that hold it. */
    private record Accessor(List<BeanPropertyWriter> chain, JsonInclude.Include inclusion) {
        Object get(Object bean) {
            Object v = bean;
            for (BeanPropertyWriter w : chain) {
                if (v == null) {
                    return null;
                }
                try {
                    v = w.get(v);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read " + w.getName() + " of " + v.getClass().getSimpleName(), e);
                }
            }
            return v;
        }

        /** Whether the tree has the key: a value its inclusion leaves out (NON_NULL, NON_ABSENT, NON_EMPTY) is absent there. */
        boolean present(Object bean) {
            if (inclusion == null) {
                return true;
            }
            Object v = get(bean);
            if (v == null) {
                return false;
            }
            boolean absent = v instanceof Optional<?> o && o.isEmpty() || v instanceof OptionalDouble d && d.isEmpty()
                    || v instanceof OptionalInt i && i.isEmpty() || v instanceof OptionalLong l && l.isEmpty();
            if (inclusion == JsonInclude.Include.NON_NULL) {
                return true;
            }
            if (inclusion == JsonInclude.Include.NON_ABSENT || absent) {
                return !absent;
            }
            return !(v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()
                    || v instanceof String t && t.isEmpty() || v.getClass().isArray() && Array.getLength(v) == 0);
        }
    }

    /** The inclusion a {@code @JsonInclude} asks for (null: always, as the mapper's default). */
    private static JsonInclude.Include inclusion(JsonInclude a) {
        return a == null || a.value() == JsonInclude.Include.ALWAYS || a.value() == JsonInclude.Include.USE_DEFAULTS ? null : a.value();
    }

    /** The properties Jackson writes for the class, by name; null when the class is written some other way. */
    private static Map<String, Accessor> properties(Class<?> type) {
        JsonSerializer<Object> ser;
        try {
            ser = Output.JSON.getSerializerProviderInstance().findValueSerializer(type);
        } catch (JsonMappingException e) {
            return null;
        }
        if (!(ser instanceof BeanSerializerBase bean) || ser.isUnwrappingSerializer()) {
            return null;
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(JsonAnyGetter.class)) {
                return null;
            }
        }
        Map<String, Accessor> out = new LinkedHashMap<>();
        for (var it = bean.properties(); it.hasNext(); ) {
            PropertyWriter pw = it.next();
            if (!(pw instanceof BeanPropertyWriter w) || w.getAnnotation(JsonSerialize.class) != null) {
                return null;
            }
            if (w instanceof UnwrappingBeanPropertyWriter || w.getAnnotation(JsonUnwrapped.class) != null) {
                JsonUnwrapped u = w.getAnnotation(JsonUnwrapped.class);
                if (u == null || !u.prefix().isEmpty() || !u.suffix().isEmpty()) {
                    return null;
                }
                Map<String, Accessor> inner = PROPERTIES.get(w.getType().getRawClass());
                if (inner == null || java.lang.reflect.Modifier.isAbstract(w.getType().getRawClass().getModifiers())
                        || w.getType().getRawClass().isInterface()) {
                    return null;
                }
                Set<String> ignored = new HashSet<>();
                JsonIgnoreProperties ip = w.getAnnotation(JsonIgnoreProperties.class);
                if (ip != null) {
                    ignored.addAll(List.of(ip.value()));
                }
                for (Map.Entry<String, Accessor> e : inner.entrySet()) {
                    if (ignored.contains(e.getKey())) {
                        continue;
                    }
                    List<BeanPropertyWriter> chain = new ArrayList<>();
                    chain.add(w);
                    chain.addAll(e.getValue().chain());
                    out.put(e.getKey(), new Accessor(List.copyOf(chain), e.getValue().inclusion()));
                }
                continue;
            }
            JsonInclude.Include incl = inclusion(w.getAnnotation(JsonInclude.class));
            if (incl == null) {
                incl = inclusion(type.getAnnotation(JsonInclude.class));
            }
            if (incl != null && incl != JsonInclude.Include.NON_NULL && incl != JsonInclude.Include.NON_ABSENT
                    && incl != JsonInclude.Include.NON_EMPTY) {
                return null;   // left out when default or by a filter: the tree says which
            }
            out.put(w.getName(), new Accessor(List.of(w), incl));
        }
        return out;
    }
}
