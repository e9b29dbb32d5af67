package org.mosaic.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mosaic.studies.UsageException;
import org.mosaic.web.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic serve}: starts the web studio (the HTTP API over every study and the browser UI) and runs until Ctrl-C.
 * The one place the CLI touches the web front end: it hands over the address and waits (LayerRulesTest allows exactly
 * this).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web studio: every study in a browser and over an HTTP JSON API (described at /openapi.json).",
            "Binds " + Studio.DEFAULT_HOST + ":" + Studio.DEFAULT_PORT + " (this machine only) unless told otherwise; Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Studio.DEFAULT_PORT,
            description = "The TCP port, 1..65535, or 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = Studio.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens the studio "
                    + "to the network: it has no login).")
    String host;

    @Spec
    CommandSpec spec;

    /** Released to stop the studio (tests); Ctrl-C stops it through the shutdown hook. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": expected a TCP port 1..65535, or 0 for any free one (hint: --port "
                    + Studio.DEFAULT_PORT + ")");
        }
        if (host == null || host.isBlank()) {
            throw new UsageException("--host \"" + host + "\": expected an address of this machine (hint: --host " + Studio.DEFAULT_HOST + ")");
        }
        if (!Studio.loopback(host)) {
            err.println("mosaic: warning: --host " + host + " opens the studio to every machine that can reach this one; it has no "
                    + "login and runs any study asked of it (hint: the default " + Studio.DEFAULT_HOST + " serves this machine only)");
            err.flush();
        }
        Studio studio = Studio.start(host, port);
        Thread hook = new Thread(() -> {
            studio.close();
            stop.countDown();
        }, "mosaic-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Mosaic studio: " + studio.url() + "  (API: " + studio.url() + "api/studies, " + studio.url()
                + "openapi.json; Ctrl-C stops it)");
        out.flush();
        try {
            stop.await();
        } finally {
            studio.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the studio
            }
        }
        return 0;
    }
}
