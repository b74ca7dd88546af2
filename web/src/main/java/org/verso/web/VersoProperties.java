package org.verso.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the application as a whole and of its web layer (the first admin's password is the accounts'
 * {@code AccountsProperties}).
 *
 * @param dataDir the one directory that holds the embedded database, the Lucene index and the file store
 *     ({@code VERSO_DATA_DIR}); default {@code ./data}
 * @param login throttling of repeated failed sign-ins
 * @param maxJsonBody the largest JSON request body the API accepts; larger ones answer 413
 */
@Validated
@ConfigurationProperties("verso")
public record VersoProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @Valid @DefaultValue Login login,
        @NotNull @DefaultValue("1MB") DataSize maxJsonBody) {

    /**
     * @param maxFailures failed sign-ins of one account (or from one address) that lock it for {@code lockFor}
     * @param window how long a failure counts
     * @param lockFor how long sign-in stays refused after too many failures
     */
    public record Login(
            @Min(1) @Max(100) @DefaultValue("5") int maxFailures,
            @NotNull @DefaultValue("15m") Duration window,
            @NotNull @DefaultValue("15m") Duration lockFor) {}
}
