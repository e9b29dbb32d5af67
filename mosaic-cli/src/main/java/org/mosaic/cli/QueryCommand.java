package org.mosaic.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.studies.Output;
import org.mosaic.sweep.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic query RESULTS "SQL"}: a read-only SQL query (DuckDB) over a sweep's rows, exposed as the view
 * {@code results}. It hands the source and the SQL to {@link Query} and prints the answer; it computes nothing else.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Query a sweep's rows with SQL (DuckDB, read-only): the rows are the view `results`.",
            "  mosaic query runs/len \"SELECT \\\"cable.host.attachment\\\", count(*), avg(\\\"power.perEndWatts [W]\\\") FROM results GROUP BY 1\"",
            "  mosaic query runs/len \"DESCRIBE results\"",
            "RESULTS is a sweep's --out directory (part-*.parquet or part-*.csv) or one .parquet or .csv file. Only SELECT, WITH,",
            "DESCRIBE and SUMMARIZE are accepted. Column names with brackets or dots are quoted in double quotes. See docs/sweeps.md."})
public final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "A sweep's --out directory, or a .parquet or .csv file.")
    Path results;

    @Parameters(index = "1", paramLabel = "SQL", description = "One read-only statement over the view `results`.")
    String sql;

    @Mixin
    FormatOption format = new FormatOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Query.Result r = Query.run(results, sql);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format.format) {
            case TABLE -> table(r);
            case JSON -> Output.json(maps(r));
            case CSV -> csv(r);
        });
        out.flush();
        return 0;
    }

    static String table(Query.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            rows.add(row.stream().map(QueryCommand::cell).toList());
        }
        return Output.table(r.columns(), rows) + String.format("(%d row%s)%n", r.rows().size(), r.rows().size() == 1 ? "" : "s");
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Output.number(d, 6);
        }
        return v.toString();
    }

    static List<Map<String, Object>> maps(Query.Result r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.columns().size(); i++) {
                Object v = row.get(i);
                m.put(r.columns().get(i), v instanceof Double d && !Double.isFinite(d) ? null : v);
            }
            rows.add(m);
        }
        return rows;
    }

    static String csv(Query.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", r.columns().stream().map(Output::csvCell).toList())).append('\n');
        for (List<Object> row : r.rows()) {
            b.append(String.join(",", row.stream().map(Output::csvCell).toList())).append('\n');
        }
        return b.toString();
    }
}
