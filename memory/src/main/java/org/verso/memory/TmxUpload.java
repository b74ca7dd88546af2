package org.verso.memory;

import java.util.Objects;

/** A TMX file to import: its name (for the report and the units' provenance) and its bytes. */
public record TmxUpload(String name, byte[] content) {
    public TmxUpload {
        name = name == null || name.isBlank() ? "memory.tmx" : name.strip();
        Objects.requireNonNull(content, "content");
    }
}
