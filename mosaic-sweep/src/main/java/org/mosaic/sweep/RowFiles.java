package org.mosaic.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a sweep's rows to files: Parquet (zstd-compressed, through DuckDB's in-process engine) or CSV (a header of
 * the column names, RFC 4180 quoting, empty for null). Every file is written under a temporary name and renamed when
 * complete, so a file with the final name always holds all its rows.
 */
public final class RowFiles {
    private RowFiles() {
    }

    /** The output formats. */
    public enum Format {
        PARQUET("parquet"), CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code parquet} or {@code csv}. */
        public static Format of(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
            throw new org.mosaic.studies.UsageException("--format \"" + text + "\": expected parquet or csv");
        }
    }

    /** Writes {@code rows} to {@code file} (via {@code file}.tmp, then an atomic rename). */
    public static void write(Path file, Format format, List<Column> columns, List<Object[]> rows) {
        try (Writer w = new Writer(format, columns)) {
            w.write(file, rows);
        }
    }

    /**
     * Writes parts of one sweep, one after another, on one thread: for Parquet it keeps one in-process DuckDB database
     * (one thread of its own) for all its parts, since starting one costs more than writing a part.
     */
    public static final class Writer implements AutoCloseable {
        private final Format format;
        private final List<Column> columns;
        private Connection duckdb;

        public Writer(Format format, List<Column> columns) {
            this.format = format;
            this.columns = List.copyOf(columns);
        }

        /** Writes {@code rows} to {@code file} (via {@code file}.tmp, then an atomic rename). */
        public void write(Path file, List<Object[]> rows) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                if (format == Format.PARQUET) {
                    writeParquet(tmp, rows);
                } else {
                    writeCsv(tmp, columns, rows);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        private void writeParquet(Path file, List<Object[]> rows) throws IOException {
            try {
                if (duckdb == null) {
                    duckdb = duckdb();
                    try (Statement s = duckdb.createStatement()) {
                        s.execute("SET threads TO 1");
                        StringBuilder ddl = new StringBuilder("CREATE TABLE rows (");
                        for (int i = 0; i < columns.size(); i++) {
                            ddl.append(i == 0 ? "" : ", ").append(identifier(columns.get(i).name())).append(' ')
                                    .append(columns.get(i).type());
                        }
                        s.execute(ddl.append(')').toString());
                    }
                }
                try (Statement s = duckdb.createStatement()) {
                    s.execute("DELETE FROM rows");
                    try (DuckDBAppender a = ((DuckDBConnection) duckdb).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rows")) {
                        for (Object[] row : rows) {
                            a.beginRow();
                            for (Object v : row) {
                                if (v == null) {
                                    a.appendNull();
                                } else if (v instanceof Long l) {
                                    a.append(l.longValue());
                                } else if (v instanceof Double d) {
                                    a.append(d.doubleValue());
                                } else {
                                    a.append(v.toString());
                                }
                            }
                            a.endRow();
                        }
                    }
                    s.execute("COPY (SELECT * FROM rows ORDER BY point) TO " + literal(file.toString())
                            + " (FORMAT PARQUET, COMPRESSION ZSTD)");
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (duckdb != null) {
                try {
                    duckdb.close();
                } catch (SQLException e) {
                    // nothing was left unwritten: every part was renamed when complete
                }
                duckdb = null;
            }
        }
    }

    /** A DuckDB connection to a fresh in-memory database. */
    public static Connection duckdb() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /** A name quoted as a SQL identifier. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void writeCsv(Path file, List<Column> columns, List<Object[]> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(columns));
            for (Object[] row : rows) {
                w.write(csvLine(row));
            }
        }
    }

    /** How DuckDB reads the CSV this class writes: the header, RFC 4180 quotes, every value as text. */
    public static String csvReader(String glob) {
        return "read_csv(" + glob + ", header = true, quote = '\"', escape = '\"', delim = ',', all_varchar = true)";
    }

    /** The CSV header line (with its newline). */
    public static String header(List<Column> columns) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ",").append(csv(columns.get(i).name()));
        }
        return b.append('\n').toString();
    }

    /** One row as a CSV line (with its newline): numbers as Java writes them (round-tripping), null as nothing. */
    public static String csvLine(Object[] row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            b.append(i == 0 ? "" : ",");
            if (v instanceof Double d) {
                b.append(d.isNaN() || d.isInfinite() ? "" : Double.toString(d).toLowerCase(Locale.ROOT));
            } else if (v != null) {
                b.append(csv(v.toString()));
            }
        }
        return b.append('\n').toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
