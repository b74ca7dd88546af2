/**
 * The people who use Verso: accounts ({@link org.verso.accounts.Accounts}, {@link org.verso.accounts.AccountId}),
 * their {@link org.verso.accounts.Role roles} and translation languages, passwords (as hashes that never leave the
 * module) and the first admin. Below every domain module: whoever claims, reviews or receives something names an
 * {@link org.verso.accounts.AccountId}. Owns the tables {@code app_user}, {@code app_user_role} and
 * {@code app_user_language} (migrations in {@code db/migration/accounts}). Publishes
 * {@link org.verso.accounts.AccountDisabled}.
 */
package org.verso.accounts;
