package org.mosaic.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and one worker on 127.0.0.1, started as separate JVMs from this build's own class path
 * (no Spark distribution): the worker's SPARK_HOME is an empty folder whose {@code jars/} is empty, and its executors
 * get the same class path through {@code spark.executor.extraClassPath}. Free ports are picked; {@link #close()} kills
 * the executors the worker started, the worker and the master.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Process master;
    private final Process worker;
    private final String url;

    private StandaloneCluster(Process master, Process worker, String url) {
        this.master = master;
        this.worker = worker;
        this.url = url;
    }

    /** Starts a master and a worker with {@code cores} cores; logs go to {@code dir}. */
    static StandaloneCluster start(Path dir, int cores) throws IOException {
        String classPath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> opts = new ArrayList<>(jvmOptions());
        opts.add("-Xmx512m");
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        Path work = Files.createDirectories(dir.resolve("work"));
        int masterPort = freePort();
        String url = "spark://127.0.0.1:" + masterPort;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process master = launch(java, opts, classPath, env, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
        Process worker = null;
        try {
            awaitPort(masterPort, master, dir.resolve("master.log"), Duration.ofSeconds(120));
            worker = launch(java, opts, classPath, env, dir.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
                    "--cores", Integer.toString(cores), "--memory", "1g", "--work-dir", work.toString(), url);
            return new StandaloneCluster(master, worker, url);
        } catch (IOException | RuntimeException e) {
            kill(worker);
            kill(master);
            throw e;
        }
    }

    String url() {
        return url;
    }

    /** The driver's settings for this cluster: loopback, the executors' class path (Spark adds its JVM options), a small executor. */
    Map<String, String> driverConf() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.driver.host", "127.0.0.1");
        c.put("spark.driver.bindAddress", "127.0.0.1");
        c.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        c.put("spark.executor.memory", "512m");
        c.put("spark.task.maxFailures", "1");   // a failing task fails the test at once, with its reason
        return c;
    }

    @Override
    public void close() {
        kill(worker);
        kill(master);
    }

    /** The JVM options Spark needs on Java 17, as the build gives them to the tests (the pom's spark.jvm.options). */
    static List<String> jvmOptions() {
        String o = System.getProperty("spark.jvm.options", "").trim();
        List<String> out = new ArrayList<>(o.isEmpty() ? List.of() : Arrays.asList(o.split("\\s+")));
        return out;
    }

    private static Process launch(String java, List<String> opts, String classPath, Map<String, String> env, Path log,
                                  String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(opts);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Kills the process's descendants (a worker's executors), then the process itself; waits for them to end. */
    private static void kill(Process p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle c : children) {
                c.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the process is gone or will be: nothing more to do
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process p, Path log, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the Spark master exited (" + p.exitValue() + "): " + tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the Spark master", ie);
                }
            }
        }
        throw new IllegalStateException("the Spark master did not listen on 127.0.0.1:" + port + " within " + timeout + ": " + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
