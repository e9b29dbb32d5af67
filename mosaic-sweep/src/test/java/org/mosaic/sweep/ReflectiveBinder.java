package org.mosaic.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.studies.In;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * A binder for fixture studies the shared {@code StudyInputs} registry does not know ({@link LineStudy}): reads the
 * input record's components by reflection — flags, whole numbers, numbers (with the declared unit or none), text and
 * choices, and {@link ScenarioDocument} documents by preset name and edits.
 */
final class ReflectiveBinder implements Binder {
    static final ReflectiveBinder INSTANCE = new ReflectiveBinder();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


    /** Whether every input of the study can be bound from values. */
    @Override
    public String whyNot(Study<?, ?> study) {
        return bindable(study) ? null : "a fixture with unsupported inputs";
    }

    @Override
    public List<String> names(Study<?, ?> study) {
        return study.inputs().stream().map(InputSpec::name).toList();
    }

    static boolean bindable(Study<?, ?> study) {
        for (RecordComponent c : study.inputType().getRecordComponents()) {
            if (!supported(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean supported(RecordComponent c) {
        Class<?> t = c.getType();
        In in = c.getAnnotation(In.class);
        if (in != null && !in.document().isEmpty()) {
            return t == ScenarioDocument.class;
        }
        return t == boolean.class || t == Boolean.class || t == int.class || t == Integer.class || t == long.class
                || t == Long.class || t == double.class || t == Double.class || t == String.class || t.isEnum();
    }

    /** The inputs with their defaults: a document input as {"preset": NAME}, any other as its default text. */
    @Override
    public ObjectNode defaults(Study<?, ?> study) {
        ObjectNode out = NODES.objectNode();
        for (InputSpec s : study.inputs()) {
            if (s.defaultValue().isEmpty()) {
                continue;
            }
            if (s.type().startsWith("document")) {
                out.putObject(s.name()).put("preset", s.defaultValue());
            } else {
                out.put(s.name(), s.defaultValue());
            }
        }
        return out;
    }

    /** KEY=VALUE assignments applied: KEY an input name (replaces it) or INPUT.PATH of a document input (its "set"). */
    @Override
    public ObjectNode assign(Study<?, ?> study, ObjectNode values, Map<String, String> assignments) {
        ObjectNode out = values.deepCopy();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : assignments.entrySet()) {
            String key = e.getKey();
            InputSpec whole = input(study, key);
            if (whole != null) {
                out.put(key, e.getValue());
                continue;
            }
            int dot = key.indexOf('.');
            InputSpec doc = dot > 0 ? input(study, key.substring(0, dot)) : null;
            if (doc != null && doc.type().startsWith("document")) {
                JsonNode v = out.get(doc.name());
                ObjectNode d = v != null && v.isObject() ? (ObjectNode) v : NODES.objectNode();
                if (v != null && v.isTextual()) {
                    d.put("preset", v.asText());
                }
                out.set(doc.name(), d);
                ObjectNode set = d.has("set") ? (ObjectNode) d.get("set") : d.putObject("set");
                set.put(key.substring(dot + 1), e.getValue());
                continue;
            }
            List<String> names = study.inputs().stream().map(InputSpec::name).toList();
            problems.add(key + ": not an input of the study " + study.name() + " (its inputs: " + String.join(", ", names) + ")"
                    + SpecReader.didYouMean(key, names));
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        return out;
    }

    private static InputSpec input(Study<?, ?> study, String name) {
        for (InputSpec s : study.inputs()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** A document input's document (preset with its edits applied), not yet validated. */
    static ScenarioDocument scenario(Study<?, ?> study, String input, JsonNode value) {
        RecordComponent c = component(study, input);
        In in = c.getAnnotation(In.class);
        Documents.Kind kind = Documents.Kind.of(in.document());
        String preset = value == null || value.isNull() ? in.defaultValue()
                : value.isTextual() ? value.asText() : value.path("preset").asText(in.defaultValue());
        if (Documents.isFile(preset)) {
            throw new UsageException(input + " \"" + preset + "\": a sweep names a preset, never reads a file path here "
                    + "(expected one of " + String.join(", ", Documents.names(kind)) + ")");
        }
        ScenarioDocument doc = Documents.preset(kind, preset);
        JsonNode set = value == null ? null : value.get("set");
        if (set != null) {
            Map<String, String> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue().asText());
            }
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                doc = doc.with(e.getKey(), e.getValue());
            }
        }
        return doc;
    }

    /** A document input's document as a tree. */
    @Override
    public ObjectNode document(Study<?, ?> study, String input, JsonNode value) {
        return scenario(study, input, value).tree();
    }

    private static RecordComponent component(Study<?, ?> study, String name) {
        for (RecordComponent c : study.inputType().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new UsageException(name + ": not an input of the study " + study.name());
    }

    /** The input record from values keyed by input name (absent: the default). */
    @Override
    public <I extends Record> I bind(Study<I, ?> study, JsonNode values) {
        RecordComponent[] cs = study.inputType().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cs.length; i++) {
            RecordComponent c = cs[i];
            types[i] = c.getType();
            In in = c.getAnnotation(In.class);
            JsonNode v = values.get(c.getName());
            try {
                args[i] = value(study, c, in, v);
            } catch (UsageException | IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        try {
            Constructor<I> ctor = study.inputType().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + study.inputType().getName() + ": " + e, e);
        }
    }

    private static Object value(Study<?, ?> study, RecordComponent c, In in, JsonNode v) {
        Class<?> t = c.getType();
        if (!in.document().isEmpty()) {
            return scenario(study, c.getName(), v);
        }
        String text = v == null || v.isNull() ? (in.defaultValue().isEmpty() ? null : in.defaultValue()) : v.asText().trim();
        if (text == null) {
            if (t.isPrimitive()) {
                throw new UsageException(c.getName() + " needs a value: " + in.value());
            }
            return null;
        }
        String name = c.getName();
        if (t == boolean.class || t == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new UsageException(name + " \"" + text + "\": expected true or false");
            }
            return Boolean.parseBoolean(text);
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            long n;
            try {
                n = Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new UsageException(name + " \"" + text + "\": expected a whole number" + (in.range().isEmpty() ? ""
                        : " in " + in.range()));
            }
            if (t == int.class || t == Integer.class) {
                if (n != (int) n) {
                    throw new UsageException(name + " " + text + ": too large for a whole number input");
                }
                return (int) n;
            }
            return n;
        }
        if (t == double.class || t == Double.class) {
            return number(name, text, in.unit());
        }
        if (t.isEnum()) {
            for (Object o : t.getEnumConstants()) {
                if (((Enum<?>) o).name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return o;
                }
            }
            List<String> names = new ArrayList<>();
            for (Object o : t.getEnumConstants()) {
                names.add(((Enum<?>) o).name().toLowerCase(Locale.ROOT));
            }
            throw new UsageException(name + " \"" + text + "\": expected one of " + String.join(", ", names));
        }
        return text;
    }

    /** A number in the declared unit: bare, or with a unit of the same dimension (converted). */
    static double number(String name, String text, String unit) {
        Axis.Quantity q = Axis.quantity(text);
        if (q != null && (q.unit().isEmpty() || q.unit().equals(unit))) {
            return q.number().doubleValue();
        }
        Dimension d = unit.isEmpty() || unit.equals("1") ? null : Binder.dimensionOf(unit);
        if (q == null || d == null) {
            throw new UsageException(name + " \"" + text + "\": expected a number" + (d == null ? "" : " in " + unit));
        }
        return Quantities.parse(text, d) / Quantities.parse("1 " + unit, d);
    }
}
