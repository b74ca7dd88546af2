package org.verso.ingest.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life of worker processes: none is left behind, whatever goes wrong. */
class WorkerProcessTest {
    @TempDir
    Path work;

    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void aProcessThatDoesNotAnswerReadyIsKilledNotLeftBehind() throws Exception {
        Path pidFile = work.resolve("pid");
        List<String> chatty = List.of("sh", "-c", "echo $$ > " + pidFile + "; echo 'a message on stdout'; sleep 120");

        assertThatThrownBy(() -> WorkerProcess.start(chatty, work.resolve("log"), Duration.ofSeconds(30), readers))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("instead of ready");

        long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void aWorkerWhoseApplicationWasKilledStopsToo() throws Exception {
        List<String> worker;
        try (var pool =
                new ChildProcessExtractor(1, 256, Duration.ofSeconds(60), new Limits(1000, 100, 1L << 30, 5), work)) {
            worker = pool.workerCommand();
        }
        // a stand-in for the application: a shell that starts the worker and is then killed with SIGKILL; the worker
        // reads a named pipe that this test keeps open, so its stdin does not close and only its watch on its parent
        // can stop it
        Path stdin = work.resolve("stdin");
        assertThat(new ProcessBuilder("mkfifo", stdin.toString()).start().waitFor())
                .isZero();
        List<String> quoted = new ArrayList<>();
        for (String arg : worker) {
            quoted.add(
                    arg.startsWith("-D" + WorkerMain.APPLICATION_PID + "=")
                            ? "-D" + WorkerMain.APPLICATION_PID + "=$$" // the shell is the application here
                            : "'" + arg.replace("'", "'\\''") + "'");
        }
        Process application = new ProcessBuilder(
                        "sh", "-c", String.join(" ", quoted) + " < '" + stdin + "' > /dev/null & echo $!; wait")
                .redirectError(
                        ProcessBuilder.Redirect.appendTo(work.resolve("log").toFile()))
                .start();
        try (var keptOpen = new java.io.FileOutputStream(stdin.toFile())) {
            long workerPid = Long.parseLong(
                    new java.io.BufferedReader(new java.io.InputStreamReader(application.getInputStream()))
                            .readLine()
                            .strip());
            ProcessHandle workerProcess = ProcessHandle.of(workerPid).orElseThrow();

            application.destroyForcibly();
            application.waitFor();

            boolean ended = workerProcess
                    .onExit()
                    .thenApply(p -> true)
                    .completeOnTimeout(false, 60, TimeUnit.SECONDS)
                    .get();
            if (!ended) {
                workerProcess.destroyForcibly();
            }
            assertThat(ended).as("the orphaned worker stopped by itself").isTrue();
        }
    }
}
