package org.mosaic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** No Java stack trace in what was printed. */
    boolean noStackTrace() {
        return !(out + err).contains("\tat ") && !(out + err).contains("Exception:") && !(out + err).contains("Exception\n");
    }
}
