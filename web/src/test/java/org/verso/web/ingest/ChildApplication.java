package org.verso.web.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.verso.web.VersoApplication;
import org.verso.web.testing.Http;

/** The whole application in a child JVM with a capped heap, so that a test can kill it for real. */
final class ChildApplication implements AutoCloseable {
    static final String ADMIN_PASSWORD = "child-admin-password-1";

    private final Process process;
    final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static List<String> java(String heap, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(VersoApplication.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    static ChildApplication start(Path dataDir, Path log) throws IOException, InterruptedException {
        int port = freePort();
        Process process = new ProcessBuilder(java(
                        "1g",
                        log,
                        "--server.port=" + port,
                        "--verso.data-dir=" + dataDir,
                        "--verso.admin-password=" + ADMIN_PASSWORD,
                        "--verso.ingest.inbox-enabled=false",
                        "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildApplication app = new ChildApplication(process, port);
        app.awaitHealthy(Duration.ofMinutes(3));
        return app;
    }

    Http admin() {
        return new Http(port).as("admin", ADMIN_PASSWORD);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean-up, as a crash or {@code kill -9}. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            try {
                if (new Http(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become healthy in " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
