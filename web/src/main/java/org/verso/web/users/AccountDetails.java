package org.verso.web.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for authentication. */
@Component
class AccountDetails implements UserDetailsService {
    private final Users users;

    AccountDetails(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(user.username()).orElseThrow();
        return new VersoPrincipal(user, hash);
    }
}
