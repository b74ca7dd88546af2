package org.verso.web.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.verso.accounts.Accounts;

/**
 * Two chains. The API ({@code /api/**}, actuator) is stateless, signs in with HTTP Basic and answers 401/403 as problem
 * details. The pages (and the OpenAPI document, which Swagger UI fetches with the page's session) sign in with a form
 * or HTTP Basic, keep a session and demand a CSRF token on every form.
 * Everything requires a signed-in user except the sign-in page, static assets, health and a recipient's receipt; which role reaches what is
 * declared on each controller with {@code @PreAuthorize} and proven by the role-matrix test.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig implements WebMvcConfigurer {
    /** Addresses of documents and searches (ids, query words) never travel to another site in a Referer header. */
    private static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RolesBeforeBinding());
    }

    @Bean
    AuthenticationManager authenticationManager(
            Accounts accounts, UserDetailsService details, LoginThrottle throttle, Clock clock) {
        var password = new PasswordAuthentication(accounts);
        var manager = new ProviderManager(
                new ThrottledAuthentication(new RememberedCredentials(password, details, clock), throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * The recipient's receipt ({@code /receipts/{token}}, {@code /api/receipts/{token}}, one path segment only): open
     * to anyone, stateless, no sign-in of any kind (an Authorization header is ignored), no session and so no CSRF
     * token; the token in the path opens that one shipment's receipt in its controllers and nothing else. No Referer
     * leaves the page, so the token does not travel.
     */
    @Bean
    @Order(0)
    SecurityFilterChain receipts(HttpSecurity http) throws Exception {
        http.securityMatcher("/receipts/*", "/api/receipts/*")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'none'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager) throws Exception {
        var problems = new ProblemAnswers();
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
                // a page's JSON is the API's answer forwarded within the page's request: the API must not touch that
                // request's session (a changed session id locked the page's other requests, made at the same time,
                // out of their session)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // stateless and Basic-authenticated: no session cookie a forged form could ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/error/403")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException
                                        ? "/login?locked"
                                        : e instanceof DisabledException ? "/login?disabled" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Basic too, so that tools can fetch the OpenAPI document that Swagger UI reads with the session
                // a page's script that finds its session gone gets a problem to show, not a browser password prompt
                .httpBasic(basic -> basic.authenticationEntryPoint(new SessionEnded()))
                .exceptionHandling(ex -> ex.accessDeniedPage("/error/403"))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }
}
