package org.verso.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.verso.accounts.Account;
import org.verso.accounts.Accounts;

/**
 * Signs in with a user name and password, which {@link Accounts} checks (the hash never leaves it). As Spring's own
 * provider: a disabled account is told so, an unknown name and a wrong password are the same bad credentials.
 */
class PasswordAuthentication implements AuthenticationProvider {
    private final Accounts accounts;

    PasswordAuthentication(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() instanceof String text ? text : null;
        var known = accounts.findByUsername(username);
        if (known.isPresent() && !known.get().enabled()) {
            throw new DisabledException("User is disabled");
        }
        Account account = accounts.checkPassword(username, password)
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        var principal = new VersoPrincipal(account);
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
