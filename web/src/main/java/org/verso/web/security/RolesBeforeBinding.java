package org.verso.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a controller's role-only {@code @PreAuthorize} before its arguments are read, so that a caller without the
 * role is refused with 403 rather than told what is wrong with a body they may not send at all. Method security still
 * checks again at the call; expressions that refer to arguments are left to it. A rule that only names roles
 * ({@code hasRole('ADMIN')}, {@code hasAnyRole('COORDINATOR','ADMIN')}: all of Verso's) is checked against the
 * caller's authorities directly, not evaluated with SpEL on every request (docs/search.md, Speed).
 */
class RolesBeforeBinding implements HandlerInterceptor {
    private final DefaultHttpSecurityExpressionHandler handler = new DefaultHttpSecurityExpressionHandler();
    private final SpelExpressionParser parser = new SpelExpressionParser();
    /** The role-only rule of each handler method, parsed once ({@link #NONE} where there is none to check here). */
    private final Map<Method, Expression> rules = new ConcurrentHashMap<>();

    private static final Expression NONE = new LiteralExpression("none");

    /** {@code hasRole('A')} or {@code hasAnyRole('A','B',…)}: checked against the authorities without SpEL. */
    private static final Pattern ROLES =
            Pattern.compile("hasAnyRole\\(('[A-Z_]+'(\\s*,\\s*'[A-Z_]+')*)\\)|hasRole\\(('[A-Z_]+')\\)");

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    /**
     * The authorities ({@code ROLE_…}) a rule that only names roles lets through, checked without SpEL (the same
     * answer, cheaper); absent for other rules.
     */
    private final Map<Method, Set<String>> roles = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object target) {
        if (!(target instanceof HandlerMethod method)) {
            return true;
        }
        Expression expression = rules.computeIfAbsent(method.getMethod(), m -> rule(method));
        if (expression == NONE) {
            return true;
        }
        Set<String> named = roles.get(method.getMethod());
        if (named != null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null) {
                return true; // method security decides
            }
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                if (named.contains(authority.getAuthority())) {
                    return true;
                }
            }
            throw new AccessDeniedException("Access denied");
        }
        var context = handler.createEvaluationContext(
                () -> SecurityContextHolder.getContext().getAuthentication(), new RequestAuthorizationContext(request));
        try {
            if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
                throw new AccessDeniedException("Access denied");
            }
        } catch (EvaluationException | IllegalArgumentException e) {
            return true; // not a role-only rule: method security decides
        }
        return true;
    }

    private Expression rule(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return NONE;
        }
        String text = rule.value().strip();
        if (ROLES.matcher(text).matches()) {
            Set<String> authorities = new HashSet<>();
            Matcher role = ROLE.matcher(text);
            while (role.find()) {
                authorities.add("ROLE_" + role.group(1));
            }
            roles.put(method.getMethod(), Set.copyOf(authorities));
        }
        return parser.parseExpression(rule.value());
    }
}
