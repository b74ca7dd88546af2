package org.verso.web.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.verso.accounts.Account;
import org.verso.accounts.AccountId;
import org.verso.accounts.Role;

/**
 * The signed-in user as Spring Security holds it: the account as it was at sign-in. It holds no password: the
 * {@code accounts} module checks passwords itself ({@code Accounts.checkPassword}).
 */
public final class VersoPrincipal implements UserDetails {
    private final Account account;

    public VersoPrincipal(Account account) {
        this.account = account;
    }

    public AccountId id() {
        return account.id();
    }

    public Account account() {
        return account;
    }

    public Set<Role> roles() {
        return account.roles();
    }

    /** When the account last changed: a remembered sign-in of an account changed since is checked in full again. */
    public Instant accountVersion() {
        return account.updatedAt();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.copyOf(account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersoPrincipal that && that.account.id().equals(account.id());
    }

    @Override
    public int hashCode() {
        return account.id().hashCode();
    }

    @Override
    public String toString() {
        return "VersoPrincipal[" + account.username() + "]";
    }
}
