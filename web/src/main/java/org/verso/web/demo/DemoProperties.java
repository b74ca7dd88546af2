package org.verso.web.demo;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo library's switch ({@code docs/demo.md}).
 *
 * @param demo start on the demo directory instead of {@code verso.data-dir}, filled with the demo library on its first
 *     start ({@code VERSO_DEMO}, {@code scripts/run --demo}); default false
 * @param demoDir the demo's own data directory ({@code VERSO_DEMO_DIR}); default {@code ./data-demo}, never the real
 *     data directory's default. A directory that holds anything but no demo marker is refused.
 */
@Validated
@ConfigurationProperties("verso")
public record DemoProperties(boolean demo, @NotNull @DefaultValue("./data-demo") Path demoDir) {}
