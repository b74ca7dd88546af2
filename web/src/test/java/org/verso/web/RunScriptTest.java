package org.verso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run} as a person runs it, with Maven and Java replaced by stand-ins that behave like Debian's Maven
 * 3.8 (ANSI colour resets on both streams even in batch mode) and like a starting application: the script itself,
 * its pipes and its exit status are the real thing (Tesseract is installed where the tests run, so its install step
 * does nothing).
 */
class RunScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "run");

    @TempDir
    Path dir;

    @Test
    void theRunLogIsPlainTextFromItsFirstByte() throws Exception {
        Result run = run("printf '\\033[0m\\033[0m'; printf '\\033[0m\\033[0m' >&2; exit 0");

        assertThat(run.status()).isZero();
        assertThat(run.output()).doesNotContain("\u001b").startsWith("java -jar web/target/verso.jar --server.port=9");
    }

    @Test
    void aFailedBuildStopsTheScript() throws Exception {
        Result run = run("printf '\\033[0m[ERROR] compilation failed\\n' >&2; exit 1");

        assertThat(run.status()).isNotZero();
        assertThat(run.output()).contains("[ERROR] compilation failed").doesNotContain("\u001b", "java -jar");
    }

    @Test
    void demoStartsTheApplicationInDemoModeAndIsNotPassedOn() throws Exception {
        Result run = run("exit 0", "--demo", "--server.port=9");

        assertThat(run.status()).isZero();
        assertThat(run.output()).isEqualTo("VERSO_DEMO=true java -jar web/target/verso.jar --server.port=9\n");
    }

    @Test
    void withoutDemoTheDemoIsNotSwitchedOn() throws Exception {
        Result run = run("exit 0", "--server.port=9");

        assertThat(run.output()).isEqualTo("java -jar web/target/verso.jar --server.port=9\n");
    }

    private Result run(String maven) throws IOException, InterruptedException {
        return run(maven, "--server.port=9");
    }

    private Result run(String maven, String... arguments) throws IOException, InterruptedException {
        Path copy = dir.resolve("verso");
        Files.createDirectories(copy.resolve("scripts"));
        Files.copy(SCRIPT, copy.resolve("scripts/run"));
        Files.copy(SCRIPT.resolveSibling("tesseract.sh"), copy.resolve("scripts/tesseract.sh"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        stub(bin.resolve("mvn"), maven);
        stub(
                bin.resolve("java"),
                "if [ -n \"${VERSO_DEMO+x}\" ]; then printf 'VERSO_DEMO=%s ' \"$VERSO_DEMO\"; fi; echo java \"$@\"");
        List<String> command =
                new ArrayList<>(List.of("bash", copy.resolve("scripts/run").toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PATH", bin + ":/usr/bin:/bin");
        process.environment().remove("JAVA_OPTS");
        process.environment().remove("VERSO_DEMO");
        process.environment()
                .put("VERSO_CDS", "false"); // the plain jar: the class-data archive is scripts/cds-archive's

        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(started.waitFor(), output);
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, String output) {}
}
