package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.verso.library.testing.TempDirs;
import org.verso.web.testing.Http;

/**
 * The acceptance check as an outsider runs it: {@code java -jar web/target/verso.jar --server.port=N} with
 * {@code VERSO_DATA_DIR} and {@code VERSO_ADMIN_PASSWORD}, on embedded defaults, in a child process.
 */
class PackagedJarIT {
    private static final String ADMIN_PASSWORD = "jar-admin-password";
    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theJarStartsOnEmbeddedDefaultsAndTheAdminCreatesATranslatorWhoSignsIn() throws Exception {
        Path jar = Path.of("target", "verso.jar");
        assertThat(jar).exists();
        Path dataDir = TempDirs.create("verso-jar-");
        int port = freePort();
        var builder = new ProcessBuilder(javaExecutable(), "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(
                        dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().put("VERSO_DATA_DIR", dataDir.toString());
        builder.environment().put("VERSO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Instant started = Instant.now();
        app = builder.start();

        var http = new Http(port);
        // the figure is printed; the generous guard only tells "never came up" from "came up"
        Duration upAfter = waitForHealth(http, Duration.ofSeconds(90), started);
        System.out.printf("verso.jar answered health UP after %d ms%n", upAfter.toMillis());

        assertThat(http.get("/api/me").status()).isEqualTo(401);
        assertThat(http.get("/api/me").isProblem()).isTrue();
        var admin = http.as("admin", ADMIN_PASSWORD);
        assertThat(admin.get("/api/me").json().path("roles").get(0).asString()).isEqualTo("admin");
        var created = admin.postJson(
                "/api/admin/users",
                Map.of(
                        "username",
                        "jar-translator",
                        "password",
                        "translator-pass-1",
                        "roles",
                        List.of("TRANSLATOR"),
                        "languages",
                        List.of("ru")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var me = http.as("jar-translator", "translator-pass-1").get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("languages").get(0).asString()).isEqualTo("ru");
        assertThat(Files.exists(dataDir.resolve("db")))
                .as("the database lives in the data directory")
                .isTrue();
    }

    private Duration waitForHealth(Http http, Duration limit, Instant started) throws InterruptedException {
        while (Duration.between(started, Instant.now()).compareTo(limit) < 0) {
            assertThat(app.isAlive()).as("the application process is running").isTrue();
            try {
                var health = http.get("/actuator/health");
                if (health.status() == 200 && health.body().contains("UP")) {
                    return Duration.between(started, Instant.now());
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no health UP within " + limit);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
