package org.verso.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.verso.web.api.Problems;

/**
 * Answers a page's script (a JSON request without a session) with 401 as problem details and no Basic challenge: the
 * browser would otherwise hold the request behind its password prompt, and the page would wait for ever.
 */
class SessionEnded implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LockedException) {
            Problems.write(
                    request, response, Problems.of(HttpStatus.UNAUTHORIZED, "sign-in-throttled", e.getMessage()));
            return;
        }
        Problems.write(
                request,
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "session-ended",
                        "You are not signed in (the session ended): sign in again and repeat what you did."));
    }
}
