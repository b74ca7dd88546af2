package org.verso.search.internal;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's codec with stored fields in small chunks. A result page reads the stored fields (titles, text for the
 * snippet) of about fifteen entries scattered over the index; Lucene's default keeps them in blocks of 80 kB
 * compressed against a shared dictionary, and reading one entry decompressed about 12 kB (a tenth of a search's
 * time). Here a chunk holds about {@value #CHUNK_BYTES} bytes (most entries alone), LZ4-compressed: an entry costs
 * about its own size to read. The index grows by about 6% (100,000 documents: 209 MB instead of 198). Everything
 * else is Lucene 9.12's default codec.
 *
 * <p>Public with a no-argument constructor only because Lucene finds codecs by name through {@code ServiceLoader}
 * (every segment records the name of the codec that wrote it); not part of the module's API.
 */
public final class LibraryCodec extends FilterCodec {
    /** The name written into every segment: never change it, or indexes written with it can no longer be read. */
    static final String NAME = "VersoLibrary912";

    private static final int CHUNK_BYTES = 4 * 1024;

    private static final StoredFieldsFormat STORED_FIELDS = new Lucene90CompressingStoredFieldsFormat(
            "VersoStoredFieldsSmallChunks", CompressionMode.FAST, CHUNK_BYTES, 16, 10);

    public LibraryCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED_FIELDS;
    }
}
