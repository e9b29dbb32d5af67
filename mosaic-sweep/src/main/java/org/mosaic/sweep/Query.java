package org.mosaic.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.mosaic.studies.UsageException;

/**
 * A read-only SQL query (DuckDB) over a sweep's rows: a results folder ({@code DIR/part-*.parquet}, or
 * {@code DIR/part-*.csv}) or one {@code .parquet} / {@code .csv} file, exposed as the view {@code results}. Only
 * {@code SELECT}, {@code WITH}, {@code DESCRIBE} and {@code SUMMARIZE} statements run, one per query; anything else,
 * a missing source and DuckDB's own errors are {@link UsageException}s (DuckDB's first line, no stack trace).
 */
public final class Query {
    /** The statements a query may start with. */
    public static final Set<String> READ_ONLY = Set.of("SELECT", "WITH", "DESCRIBE", "SUMMARIZE");

    /** A query's answer: the column names and the rows (Long, Double, String, ... or null), in order. */
    public record Result(List<String> columns, List<List<Object>> rows) { }

    private Query() {
    }

    /** Runs {@code sql} over {@code source} (a results folder or a file) as the view {@code results}. */
    public static Result run(Path source, String sql) {
        String reader = reader(source);
        requireReadOnly(sql);
        try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE VIEW results AS SELECT * FROM " + reader);
            } catch (SQLException e) {
                throw new UsageException("cannot read " + source + ": " + firstLine(e) + " (hint: RESULTS is a sweep's --out "
                        + "directory, or a .parquet or .csv file it wrote)", e);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new Result(List.copyOf(columns), rows);
            } catch (SQLException e) {
                throw new UsageException("the query failed: " + firstLine(e) + " (hint: the view is `results`; "
                        + "`DESCRIBE results` lists its columns, quote names with brackets as \"power.perEndWatts [W]\")", e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + firstLine(e), e);
        }
    }

    /** The DuckDB table function that reads {@code source}; a missing or unreadable source is refused. */
    static String reader(Path source) {
        if (!Files.exists(source)) {
            throw new UsageException("RESULTS " + source + " does not exist: expected a sweep's --out directory "
                    + "(part-*.parquet) or a .parquet or .csv file");
        }
        if (Files.isDirectory(source)) {
            for (RowFiles.Format f : List.of(RowFiles.Format.PARQUET, RowFiles.Format.CSV)) {
                if (hasParts(source, f)) {
                    return tableFunction(source.resolve("part-*." + f.extension()).toString(), f);
                }
            }
            throw new UsageException("RESULTS " + source + " holds no part-*.parquet or part-*.csv: expected a sweep's --out "
                    + "directory (hint: `mosaic sweep STUDY --vary ... --out " + source + "` writes one)");
        }
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return tableFunction(source.toString(), RowFiles.Format.PARQUET);
        }
        if (name.endsWith(".csv")) {
            return tableFunction(source.toString(), RowFiles.Format.CSV);
        }
        throw new UsageException("RESULTS " + source + " is neither a directory nor a .parquet or .csv file: expected a sweep's "
                + "--out directory or one file it wrote");
    }

    private static String tableFunction(String glob, RowFiles.Format f) {
        return f == RowFiles.Format.PARQUET ? "read_parquet(" + RowFiles.literal(glob) + ")"
                : "read_csv(" + RowFiles.literal(glob) + ", header = true, quote = '\"', escape = '\"', delim = ',')";
    }

    private static boolean hasParts(Path dir, RowFiles.Format f) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("part-") && n.endsWith("." + f.extension()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a statement that is not read-only: its first word (after comments) must be one of {@link #READ_ONLY}, and
     * it must be one statement (nothing after a {@code ;} outside quotes).
     */
    public static void requireReadOnly(String sql) {
        String body = stripComments(sql).strip();
        String first = body.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        if (!READ_ONLY.contains(first)) {
            throw new UsageException("query '" + oneLine(sql) + "': only read-only statements are accepted (SELECT, WITH, "
                    + "DESCRIBE or SUMMARIZE), got " + (first.isEmpty() ? "nothing" : first)
                    + " (hint: SELECT ... FROM results)");
        }
        int semicolon = unquotedSemicolon(body);
        if (semicolon >= 0 && !body.substring(semicolon + 1).strip().replace(";", "").isBlank()) {
            throw new UsageException("query '" + oneLine(sql) + "': expected one statement, got more after ';' (hint: run "
                    + "each query on its own)");
        }
    }

    /** The SQL without {@code --} and {@code /* *\/} comments (quoted text kept as is). */
    static String stripComments(String sql) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = sql.indexOf(ch, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                b.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                b.append(' ');
            } else {
                b.append(ch);
                i++;
            }
        }
        return b.toString();
    }

    private static int unquotedSemicolon(String sql) {
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == ';') {
                return i;
            }
        }
        return -1;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof java.math.BigInteger n) {
            return n.bitLength() < 64 ? (Object) n.longValue() : n.toString();
        }
        return v.toString();
    }

    private static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** DuckDB's message, first line only. */
    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
