package org.verso.web.users;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it: the account as it was at sign-in, and its password hash. */
public final class VersoPrincipal implements UserDetails, CredentialsContainer {
    private final User user;
    private String passwordHash;

    VersoPrincipal(User user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    public UserId id() {
        return user.id();
    }

    public User user() {
        return user;
    }

    public Set<Role> roles() {
        return user.roles();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.copyOf(user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersoPrincipal that && that.user.id().equals(user.id());
    }

    @Override
    public int hashCode() {
        return user.id().hashCode();
    }

    @Override
    public String toString() {
        return "VersoPrincipal[" + user.username() + "]";
    }
}
