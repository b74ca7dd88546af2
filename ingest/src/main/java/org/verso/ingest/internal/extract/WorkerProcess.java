package org.verso.ingest.internal.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/** One worker process and its pipes. Not thread-safe: one request at a time, by the pool. */
final class WorkerProcess {
    /** HotSpot's exit status after {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int EXIT_OUT_OF_MEMORY = 3;

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ExecutorService readers;
    private boolean broken;

    private WorkerProcess(Process process, ExecutorService readers) {
        this.process = process;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 256 * 1024));
        this.readers = readers;
    }

    static WorkerProcess start(List<String> command, Path log, Duration startTimeout, ExecutorService readers)
            throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        WorkerProcess worker = new WorkerProcess(process, readers);
        Future<Integer> ready = readers.submit(worker.in::readInt);
        try {
            int hello = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (hello == Wire.READY) {
                return worker;
            }
            worker.kill(); // never leave a process behind, whatever it said
            throw new IOException("the parser process answered " + hello + " instead of ready: " + command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
            throw new IOException("interrupted while the parser process started", e);
        } catch (ExecutionException | TimeoutException e) {
            worker.kill();
            throw new IOException("the parser process did not start; see " + log, e);
        }
    }

    /** Sends one file and waits at most {@code timeout}; a process that overruns or dies is killed and broken. */
    Extraction extract(Path file, Duration timeout) throws InterruptedException {
        Future<Extraction> answer;
        try {
            Wire.writeString(out, file.toAbsolutePath().toString());
            out.flush();
            answer = readers.submit(() -> Wire.readResult(in));
        } catch (IOException e) {
            return died();
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            answer.cancel(true);
            return Extraction.failed(
                    FailureReason.TIMEOUT, "(limit " + timeout.toSeconds() + " s; the parser was stopped)", null);
        } catch (ExecutionException e) {
            return died();
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
    }

    private Extraction died() {
        broken = true;
        int status;
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                return Extraction.failed(FailureReason.PARSER_CRASHED, "(the parser process stopped answering)", null);
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return Extraction.failed(FailureReason.PARSER_CRASHED, null, null);
        }
        if (status == EXIT_OUT_OF_MEMORY) {
            return Extraction.failed(FailureReason.OUT_OF_MEMORY, null, null);
        }
        return Extraction.failed(
                FailureReason.PARSER_CRASHED, "(the parser process exited with status " + status + ")", null);
    }

    boolean usable() {
        return !broken && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        broken = true;
        // its own children first (Tesseract, run by Tika for OCR): once the worker is gone they would be orphans
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to finish by closing its input; kills it if it does not within a moment. */
    void stop() {
        try {
            out.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
