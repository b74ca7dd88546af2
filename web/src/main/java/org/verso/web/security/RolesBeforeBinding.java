package org.verso.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a controller's role-only {@code @PreAuthorize} before its arguments are read, so that a caller without the
 * role is refused with 403 rather than told what is wrong with a body they may not send at all. Method security still
 * checks again at the call; expressions that refer to arguments are left to it.
 */
class RolesBeforeBinding implements HandlerInterceptor {
    private final DefaultHttpSecurityExpressionHandler handler = new DefaultHttpSecurityExpressionHandler();
    private final SpelExpressionParser parser = new SpelExpressionParser();
    /** The role-only rule of each handler method, parsed once ({@link #NONE} where there is none to check here). */
    private final Map<Method, Expression> rules = new ConcurrentHashMap<>();

    private static final Expression NONE = new LiteralExpression("none");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object target) {
        if (!(target instanceof HandlerMethod method)) {
            return true;
        }
        Expression expression = rules.computeIfAbsent(method.getMethod(), m -> rule(method));
        if (expression == NONE) {
            return true;
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
        return parser.parseExpression(rule.value());
    }
}
