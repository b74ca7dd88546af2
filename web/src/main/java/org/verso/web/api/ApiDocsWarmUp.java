package org.verso.web.api;

import java.lang.reflect.Method;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.api.AbstractOpenApiResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Builds the OpenAPI document once the application is ready, in a background thread, so that the first
 * {@code /v3/api-docs} call answers from springdoc's cache instead of working it out (5 s on a busy 2-core machine).
 * Every request uses the one English document ({@code springdoc.allowed-locales: en}), so one build serves all.
 * springdoc's own {@code pre-loading-enabled} would build it while the application is still starting, competing for the
 * CPU with start-up itself.
 */
@Component
class ApiDocsWarmUp {
    private static final Logger log = LoggerFactory.getLogger(ApiDocsWarmUp.class);

    private final ObjectProvider<AbstractOpenApiResource> resources;

    ApiDocsWarmUp(ObjectProvider<AbstractOpenApiResource> resources) {
        this.resources = resources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Thread thread = new Thread(this::build, "openapi-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void build() {
        // springdoc's getOpenApi(Locale) is protected: it is what its own pre-loading calls, and fills the same cache
        Method build = ReflectionUtils.findMethod(AbstractOpenApiResource.class, "getOpenApi", Locale.class);
        if (build == null) {
            log.warn("springdoc has no getOpenApi(Locale): the OpenAPI document is built at its first request");
            return;
        }
        ReflectionUtils.makeAccessible(build);
        try {
            resources
                    .orderedStream()
                    .forEach(resource -> ReflectionUtils.invokeMethod(build, resource, Locale.ENGLISH));
        } catch (RuntimeException e) {
            log.warn("Could not build the OpenAPI document ahead of its first request", e);
        }
    }
}
