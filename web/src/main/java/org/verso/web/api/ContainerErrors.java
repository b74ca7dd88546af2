package org.verso.web.api;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what Tomcat refuses on its own, before any servlet runs (a query string over 8 kB, {@code %00} or
 * {@code %2F} in a path, a header it cannot read): as a problem detail like every other error, or, for a browser
 * asking for HTML outside the API, as a small page in English or Russian, never Tomcat's own HTML page. Errors that
 * reach the application keep their own answers: this valve writes only where nothing was written.
 */
public final class ContainerErrors extends ErrorReportValve {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body;
            if (wantsPage(request)) {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                body = page(status, russian(request));
            } else {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                body = problem(status);
            }
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: nothing more to say
        }
    }

    private static String problem(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(status);
        body.put("type", Problems.TYPE_PREFIX + Problems.codeOf(HttpStatusCode.valueOf(status)));
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail(status, false));
        return JSON.writeValueAsString(body);
    }

    private static String page(int status, boolean russian) {
        String title = russian ? "Запрос отклонён" : "Request refused";
        String home = russian ? "На главную" : "Home";
        return "<!DOCTYPE html><html lang=\"" + (russian ? "ru" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + status + " · "
                + title + " · Verso</title><link rel=\"stylesheet\" href=\"/css/verso.css\"></head><body>"
                + "<main class=\"page\"><div class=\"card\"><h1>" + status + " · " + title + "</h1><p>"
                + HtmlUtils.htmlEscape(detail(status, russian)) + "</p><p><a href=\"/\">" + home
                + "</a></p></div></main></body></html>";
    }

    private static String detail(int status, boolean russian) {
        if (status == 400) {
            return russian
                    ? "Сервер не смог прочитать запрос: адрес, строка запроса или заголовки искажены или слишком длинны"
                            + " (не более 8 КБ)."
                    : "The request was refused before it reached Verso: its address, query string or headers are"
                            + " malformed or too long (at most 8 kB).";
        }
        return russian
                ? "Сервер отклонил запрос (" + status + ")."
                : "The request was refused before it reached Verso (" + status + ").";
    }

    /** A browser asking for a page: HTML accepted and not an address of the API. */
    private static boolean wantsPage(Request request) {
        String accept = request.getHeader("Accept");
        String uri = request.getRequestURI(); // as sent: a refused path may not decode
        boolean api = uri == null || uri.startsWith("/api") || uri.startsWith("/actuator") || uri.startsWith("/v3/");
        return !api && accept != null && accept.contains("text/html");
    }

    private static boolean russian(Request request) {
        String languages = request.getHeader("Accept-Language");
        return languages != null
                && languages.strip().toLowerCase(java.util.Locale.ROOT).startsWith("ru");
    }

    /** Puts this valve in the place of Tomcat's (and Spring Boot's) error report valve on the host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrors)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ContainerErrors());
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ContainerErrors.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which adds its own valve
        }
    }
}
