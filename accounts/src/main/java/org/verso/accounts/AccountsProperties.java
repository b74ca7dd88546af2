package org.verso.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts.
 *
 * @param adminPassword password of the {@code admin} account created on first start with an empty database
 *     ({@code VERSO_ADMIN_PASSWORD}); when absent a random one is generated and printed once to the log
 */
@Validated
@ConfigurationProperties("verso")
public record AccountsProperties(String adminPassword) {
    public AccountsProperties {
        if (adminPassword != null
                && !adminPassword.isEmpty()
                && adminPassword.length() < AccountCommands.MIN_PASSWORD) {
            throw new IllegalArgumentException(
                    "verso.admin-password (VERSO_ADMIN_PASSWORD) must have at least 12 characters");
        }
    }
}
