package org.verso.web.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.verso.accounts.Accounts;

/** Loads accounts for Spring Security (without their passwords, which only {@code accounts} checks). */
@Component
class AccountDetails implements UserDetailsService {
    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return new VersoPrincipal(
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user")));
    }
}
