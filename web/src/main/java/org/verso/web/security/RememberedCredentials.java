package org.verso.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spares a stateless API client the deliberately slow bcrypt check on every request: after one successful check, the
 * same user name and password are accepted without it for a few minutes. What is remembered is a keyed HMAC of the
 * password (the key is random per process and never stored) together with when the account last changed, so a
 * password reset (like any change of the account, or an expiry) makes the next request check in full; the account is loaded afresh every time, so a disabled
 * account or changed roles take effect at once. Thread-safe; memory is bounded.
 */
class RememberedCredentials implements AuthenticationProvider {
    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider fullCheck;
    private final UserDetailsService accounts;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(byte[] mac, Instant accountVersion, Instant until) {}

    RememberedCredentials(AuthenticationProvider fullCheck, UserDetailsService accounts, Clock clock) {
        this.fullCheck = fullCheck;
        this.accounts = accounts;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return fullCheck.authenticate(authentication);
        }
        String username = authentication.getName();
        Remembered known = remembered.get(username);
        if (known != null && clock.instant().isBefore(known.until())) {
            UserDetails user = load(username);
            if (Objects.equals(known.accountVersion(), version(user))
                    && MessageDigest.isEqual(known.mac(), mac(password))) {
                status.check(user);
                var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                result.setDetails(authentication.getDetails());
                return result;
            }
        }
        Authentication result = fullCheck.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof UserDetails user) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(
                    username,
                    new Remembered(mac(password), version(user), clock.instant().plus(REMEMBER_FOR)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return fullCheck.supports(authentication);
    }

    /** When the account last changed (a password reset changes it); null for a principal of another kind. */
    private static Instant version(UserDetails user) {
        return user instanceof VersoPrincipal principal ? principal.accountVersion() : null;
    }

    private UserDetails load(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("Bad credentials");
        }
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
