package org.verso.memory;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.verso.translation.OfflinePackagePart;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;

/**
 * The memory's part of a translation's offline package: {@code matches.tmx}, the best matches of its segments, which
 * a CAT tool such as OmegaT offers (placed in its project's {@code tm/} folder). Nothing when no segment has a match.
 */
@Order(10)
class MemoryPackagePart implements OfflinePackagePart {
    static final String FILE = "matches.tmx";

    private final OfflineMatches matches;

    MemoryPackagePart(OfflineMatches matches) {
        this.matches = matches;
    }

    @Override
    public List<PackageFile> files(Translation translation, List<TargetSegment> segments) {
        ByteArrayOutputStream tmx = new ByteArrayOutputStream();
        if (matches.writeTmx(translation.id(), tmx) == 0) {
            return List.of();
        }
        return List.of(new PackageFile(FILE, tmx.toByteArray()));
    }
}
