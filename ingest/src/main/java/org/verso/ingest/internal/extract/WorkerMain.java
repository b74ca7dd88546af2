package org.verso.ingest.internal.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/**
 * The entry point of a worker process: reads file paths from stdin, answers each with an {@link Extraction} on stdout,
 * until stdin closes. Runs with a capped heap and exits on OutOfMemoryError; the application kills it when a file
 * takes too long. Nothing but the protocol may reach stdout, so {@code System.out} is sent to stderr.
 */
public final class WorkerMain {
    /** Exit status when the application that started the worker is gone. */
    static final int EXIT_ORPHANED = 4;
    /** The system property that carries the process id of the application. */
    static final String APPLICATION_PID = "verso.ingest.application-pid";
    /** The system property that names the folder archives are unpacked in. */
    static final String UNPACK_DIR = "verso.ingest.unpack-dir";

    private WorkerMain() {}

    public static void main(String[] args) throws IOException {
        var protocolOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        var in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        watchApplication();
        TikaReader reader = new TikaReader(
                Limits.fromArgs(args), Path.of(System.getProperty(UNPACK_DIR, System.getProperty("java.io.tmpdir"))));
        protocolOut.writeInt(Wire.READY);
        protocolOut.flush();
        while (true) {
            String path;
            try {
                path = Wire.readString(in);
            } catch (EOFException e) {
                return; // the application closed our stdin: done
            }
            Extraction result;
            try {
                result = reader.read(Path.of(path));
            } catch (StackOverflowError e) {
                result = Extraction.failed(FailureReason.CORRUPT, "Its structure nests too deep to read.", null);
            } catch (RuntimeException e) {
                result = Extraction.failed(FailureReason.PARSER_CRASHED, Failures.shortMessage(e), null);
            }
            Wire.writeResult(protocolOut, result);
        }
    }

    /**
     * A worker never outlives the application, even one killed with SIGKILL while the worker is in a long parse (its
     * stdin would only close once it reads again). The application's process id comes on the command line, so that a
     * worker whose application died before this point stops at once instead of watching whoever adopted it.
     */
    private static void watchApplication() {
        String pid = System.getProperty(APPLICATION_PID);
        if (pid == null) {
            return;
        }
        var application = ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        if (application.isEmpty()) {
            Runtime.getRuntime().halt(EXIT_ORPHANED);
        }
        application.get().onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_ORPHANED));
    }
}
