package org.verso.ingest;

import java.io.InputStream;
import java.util.Objects;

/** One uploaded file: its name as the browser sent it and its bytes, read once while the upload is stored. */
public record Upload(String name, InputStream content) {
    public Upload {
        Objects.requireNonNull(content, "content");
    }
}
