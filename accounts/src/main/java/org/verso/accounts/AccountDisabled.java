package org.verso.accounts;

/**
 * An account was disabled: its holder can no longer sign in, and work it holds (claims…) may be handed on. Published
 * by {@link Accounts} in the transaction that disables it; listen after commit.
 */
public record AccountDisabled(AccountId account, String username) {}
