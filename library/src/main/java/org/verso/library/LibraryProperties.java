package org.verso.library;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the library ({@code verso.library.*}).
 *
 * @param storeDir where the file store keeps the originals; default {@code <verso.data-dir>/files}
 */
@Validated
@ConfigurationProperties("verso.library")
public record LibraryProperties(Path storeDir) {}
