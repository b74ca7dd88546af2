package org.verso.ingest.internal.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verso.ingest.ArchiveMember;
import org.verso.ingest.Extraction;
import org.verso.ingest.FailureReason;

/** The framing between the application and a worker process: length-prefixed UTF-8 fields on stdin/stdout. */
final class Wire {
    static final int READY = 0x56455253; // "VERS": the worker is up and waits for requests

    private Wire() {}

    static void writeResult(DataOutputStream out, Extraction e) throws IOException {
        writeString(out, e.failure() == null ? null : e.failure().code());
        writeString(out, e.detail());
        writeString(out, e.mediaType());
        writeString(out, e.title());
        writeString(out, e.author());
        writeString(out, e.issuingBody());
        out.writeInt(e.year() == null ? Integer.MIN_VALUE : e.year());
        out.writeInt(e.pageCount() == null ? Integer.MIN_VALUE : e.pageCount());
        writeString(out, e.language());
        out.writeDouble(e.languageConfidence() == null ? Double.NaN : e.languageConfidence());
        writeString(out, e.charset());
        writeString(out, e.text());
        out.writeBoolean(e.textTruncated());
        out.writeBoolean(e.textFromOcr());
        out.writeInt(e.members().size());
        for (ArchiveMember m : e.members()) {
            writeString(out, m.name());
            writeString(out, m.file().toAbsolutePath().toString());
        }
        out.flush();
    }

    static Extraction readResult(DataInputStream in) throws IOException {
        String failure = readString(in);
        String detail = readString(in);
        String mediaType = readString(in);
        String title = readString(in);
        String author = readString(in);
        String issuingBody = readString(in);
        int year = in.readInt();
        int pages = in.readInt();
        String language = readString(in);
        double confidence = in.readDouble();
        String charset = readString(in);
        String text = readString(in);
        boolean truncated = in.readBoolean();
        boolean ocr = in.readBoolean();
        int count = in.readInt();
        List<ArchiveMember> members = new ArrayList<>(Math.max(0, Math.min(count, 100_000)));
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            members.add(new ArchiveMember(name, Path.of(readString(in))));
        }
        return new Extraction(
                failure == null ? null : FailureReason.ofCode(failure),
                detail,
                mediaType,
                title,
                author,
                issuingBody,
                year == Integer.MIN_VALUE ? null : year,
                pages == Integer.MIN_VALUE ? null : pages,
                language,
                Double.isNaN(confidence) ? null : confidence,
                charset,
                text,
                truncated,
                ocr,
                members);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
