package org.verso.ingest.internal.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.verso.ingest.FailureReason;

/**
 * Refuses a ZIP (DOCX, ODT… included) whose directory makes entries share bytes: several names for the same
 * compressed data, or an entry that starts inside another's data (the overlapping-entries bomb, where a few kilobytes
 * unpack to gigabytes because every entry unpacks the same kernel again). Read from the central directory alone,
 * before anything is unpacked; a stream reader, which sees only the first entry, cannot tell.
 */
final class ZipLayout {
    private ZipLayout() {}

    static void check(Path file) throws ContainerGuard.Refused {
        List<ZipArchiveEntry> entries;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            entries = new ArrayList<>(Collections.list(zip.getEntries()));
        } catch (IOException | RuntimeException e) {
            return; // no readable directory: the stream guard and the parser say what is wrong with it
        }
        entries.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        long end = -1; // where the data of the entries so far ends
        for (ZipArchiveEntry entry : entries) {
            if (entry.getLocalHeaderOffset() < end) {
                throw new ContainerGuard.Refused(
                        FailureReason.DECOMPRESSION_BOMB,
                        "Its entries overlap: the same compressed bytes would be unpacked again and again.");
            }
            long data = entry.getDataOffset() > 0
                    ? entry.getDataOffset()
                    : entry.getLocalHeaderOffset() + 30 + entry.getRawName().length;
            end = Math.max(end, data + Math.max(0, entry.getCompressedSize()));
        }
    }
}
