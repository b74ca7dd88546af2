package org.verso.web.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.verso.library.testing.TempDirs;
import org.verso.web.VersoApplication;
import org.verso.web.VersoProperties;
import org.verso.web.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The demo library as a newcomer meets it: the whole application started in demo mode on a fresh directory, looked
 * at through the API as each demo user; started again without seeding again; and refusing a directory that is not
 * the demo's without changing a byte of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoLibraryTest {
    private static final Pattern USER = Pattern.compile("^ {4}([a-z]+) +([A-Za-z0-9_-]{24})$", Pattern.MULTILINE);

    private static ConfigurableApplicationContext start(Path demoDir, String... more) {
        String[] args = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--verso.demo=true",
                                "--verso.demo-dir=" + demoDir,
                                "--verso.ingest.inbox-enabled=false"),
                        Stream.of(more))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VersoApplication.class).run(args);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void aNewDemoDirectoryIsSeededWithTheStoryHalfWayAndASecondStartSeedsNothing(CapturedOutput output)
            throws Exception {
        Path dir = TempDirs.create("verso-demo-").resolve("data-demo");
        Map<String, String> passwords = new LinkedHashMap<>();
        try (var app = start(dir)) {
            var printed = USER.matcher(output.getOut());
            while (printed.find()) {
                passwords.put(printed.group(1), printed.group(2));
            }
            assertThat(passwords).containsOnlyKeys("admin", "coordinator", "anna", "boris", "logistics");
            assertThat(app.getBean(VersoProperties.class).dataDir()).isEqualTo(dir);
            Http base = http(app);
            passwords.forEach((user, password) -> {
                var me = base.as(user, password).get("/api/me");
                assertThat(me.status())
                        .as(user + " signs in with the printed password")
                        .isEqualTo(200);
            });
            assertThat(base.as("anna", passwords.get("anna"))
                            .get("/api/me")
                            .json()
                            .path("languages")
                            .toString())
                    .contains("ru");

            assertThat(base.get("/login").body()).contains("This is the demo library");
            assertThat(base.get("/login?lang=ru").body()).contains("Это демонстрационная библиотека");

            Http coordinator = base.as("coordinator", passwords.get("coordinator"));
            JsonNode documents = coordinator.get("/api/documents?size=50").json();
            assertThat(documents.path("total").asLong()).isEqualTo(5);
            JsonNode kit = documents
                    .path("items")
                    .valueStream()
                    .filter(d -> d.path("kind").asString().equals("kit"))
                    .findFirst()
                    .orElseThrow();
            assertThat(kit.path("sourceLanguage").asString()).isEqualTo("en");
            assertThat(kit.path("files").size())
                    .as("the kit is one document with four files")
                    .isEqualTo(4);
            assertThat(coordinator
                            .get("/api/search?q=firearms")
                            .json()
                            .path("total")
                            .asLong())
                    .as("the kit is searchable once the demo is ready")
                    .isPositive();

            JsonNode translations =
                    coordinator.get("/api/translations?language=ru").json().path("items");
            Map<String, JsonNode> byStatus = new TreeMap<>();
            translations
                    .valueStream()
                    .forEach(t -> byStatus.put(t.path("status").asString(), t));
            assertThat(byStatus).containsKeys("approved", "in_translation", "open");
            JsonNode progress = byStatus.get("in_translation").path("progress");
            assertThat(progress.path("translated").asInt()).isPositive();
            assertThat(progress.path("translated").asInt()
                            + progress.path("draft").asInt())
                    .isLessThan(progress.path("total").asInt());
            assertThat(coordinator
                            .get("/api/search?q=адвокату")
                            .json()
                            .path("total")
                            .asLong())
                    .as("the charter is found through its Russian translation")
                    .isPositive();

            assertThat(coordinator
                            .get("/api/glossary/terms?source=en&target=ru")
                            .json()
                            .path("items")
                            .size())
                    .isGreaterThanOrEqualTo(7);

            Http logistics = base.as("logistics", passwords.get("logistics"));
            int inStock = logistics
                    .get("/api/stock?size=100")
                    .json()
                    .path("items")
                    .valueStream()
                    .mapToInt(b -> b.path("quantity").asInt())
                    .sum();
            // two print runs of 2,000 received; 100 charters delivered, the rest of what left is in transit
            assertThat(inStock)
                    .as("the received print runs are in stock, less what was delivered")
                    .isEqualTo(3900);
            assertThat(logistics
                            .get("/api/shipments?status=in_transit")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(2);
            assertThat(logistics
                            .get("/api/shipments?status=delivered")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
        }
        try (var again = start(dir)) {
            assertThat(output.getOut().split("Demo library ready", -1))
                    .as("seeded once")
                    .hasSize(2);
            var coordinator = http(again).as("coordinator", passwords.get("coordinator"));
            assertThat(coordinator.get("/api/documents").json().path("total").asLong())
                    .isEqualTo(5);
        }
    }

    @Test
    void aDirectoryWithDataButNoDemoMarkerIsRefusedAndLeftByteForByteUnchanged() throws IOException {
        Path dir = TempDirs.create("verso-real-");
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/verso.mv.db"), "somebody's real database");
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        Map<Path, String> before = snapshot(dir);

        assertThatThrownBy(() -> start(dir))
                .hasMessageContaining("Demo mode refused")
                .hasMessageContaining("holds data but no demo marker");

        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void theDemoRefusesADatabaseOutsideItsDirectoryAndWritesNothing() {
        Path dir = TempDirs.create("verso-demo-").resolve("data-demo");

        assertThatThrownBy(() -> start(dir, "--spring.datasource.url=jdbc:postgresql://localhost:5432/verso"))
                .hasMessageContaining("Demo mode refused")
                .hasMessageContaining("embedded database");

        assertThat(dir).doesNotExist();
    }

    @Test
    void theDemoDirectoryIsNeverTheDataDirectoryByDefault() {
        var nothing = new Binder(new MapConfigurationPropertySource());

        Path demo = nothing.bindOrCreate("verso", DemoProperties.class).demoDir();
        Path data = nothing.bindOrCreate("verso", VersoProperties.class).dataDir();

        assertThat(demo.normalize()).isEqualTo(Path.of("data-demo"));
        assertThat(data.normalize()).isNotEqualTo(demo.normalize());
    }

    /** Every file and folder under {@code dir}: its bytes (hex) and its modification time. */
    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                FileTime modified = Files.getLastModifiedTime(p);
                String content =
                        Files.isRegularFile(p) ? java.util.HexFormat.of().formatHex(Files.readAllBytes(p)) : "dir";
                files.put(dir.relativize(p), content + "@" + modified.toMillis());
            }
        }
        return files;
    }
}
