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
    private WorkerMain() {}

    public static void main(String[] args) throws IOException {
        var protocolOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        var in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        TikaReader reader = new TikaReader(Limits.fromArgs(args));
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
}
