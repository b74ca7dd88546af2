package org.verso.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.verso.web.api.Problems;

/** Answers the API's 401 and 403 as problem details, with the Basic challenge a client needs to retry. */
class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Verso\", charset=\"UTF-8\"");
        String detail = e instanceof LockedException
                ? e.getMessage()
                : "Sign in first: send your user name and password with HTTP Basic authentication.";
        String code = e instanceof LockedException ? "sign-in-throttled" : "unauthenticated";
        Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, code, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(
                request,
                response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request."));
    }
}
