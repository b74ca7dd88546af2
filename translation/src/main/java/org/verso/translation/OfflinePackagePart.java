package org.verso.translation;

import java.util.List;
import java.util.Objects;

/**
 * Adds files to the offline package of a translation (the ZIP a translator takes into a CAT tool): other modules
 * implement it as a Spring bean, such as the glossary ({@code glossary.tbx}). Every bean is asked, in
 * {@code @Order}; none is needed. A file made from what the XLIFF's units carry (the memory's {@code matches.tmx})
 * comes from {@link OfflineUnitAids#found} instead, so that one lookup serves both.
 */
public interface OfflinePackagePart {
    /**
     * The files this part adds for the translation and the segments the package holds; empty when it has none.
     * Called outside any transaction; must not change anything.
     */
    List<PackageFile> files(Translation translation, List<TargetSegment> segments);

    /** A file of the package: its name in the ZIP (no folders, no {@code ..}) and its bytes. */
    record PackageFile(String name, byte[] bytes) {
        public PackageFile {
            Objects.requireNonNull(bytes, "bytes");
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
                throw new IllegalArgumentException("not a package file name: " + name);
            }
        }
    }
}
