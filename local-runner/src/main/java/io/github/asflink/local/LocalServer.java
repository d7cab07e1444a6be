package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.asflink.local.logmetrics.SessionMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * {@code serve}: the functions behind HTTP on loopback. Each HTTP API route of the template ({@code POST /token})
 * becomes an API Gateway payload 2.0 event for its function; {@code POST /skill} hands the raw Alexa envelope to the
 * skill function; {@code /} is the account-linking simulator page (with {@code /link}, {@code /callback} and its
 * JSON endpoints under {@code /sim/api/}); {@code POST /v1/directives} stands in for Alexa's directive service.
 * Requests addressed to any other host than this server's loopback name and port are refused with {@code 421}.
 */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<SamTemplate.Route, LocalFunction> routes;
    private final LocalFunction skill;
    private final BrowserLink browser;
    private final Clock clock;
    private final PrintStream log;
    private final SessionMetrics metrics;

    private LocalServer(HttpServer server, Map<SamTemplate.Route, LocalFunction> routes, LocalFunction skill,
                        BrowserLink.Settings link, Clock clock, PrintStream log, SessionMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
        this.routes = routes;
        this.skill = skill;
        this.clock = clock;
        this.log = log;
        this.browser = new BrowserLink(link, Http.origin(server), server.getAddress().getPort(), clock);
        server.createContext("/", this::dispatch);
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 = a free port). {@code httpFunctions} are served on their template
     * routes; {@code skill} (may be null) on {@code POST /skill}.
     */
    public static LocalServer start(int port, List<LocalFunction> httpFunctions, LocalFunction skill,
                                    BrowserLink.Settings link, Clock clock, PrintStream log) throws IOException {
        return start(port, httpFunctions, skill, link, clock, log, null);
    }

    /** As above; {@code GET /metrics} shows what the template's metric filters make of the session (may be null). */
    public static LocalServer start(int port, List<LocalFunction> httpFunctions, LocalFunction skill,
                                    BrowserLink.Settings link, Clock clock, PrintStream log, SessionMetrics metrics)
            throws IOException {
        Map<SamTemplate.Route, LocalFunction> routes = new LinkedHashMap<>();
        for (LocalFunction function : httpFunctions) {
            for (SamTemplate.Route route : function.definition().routes()) {
                routes.put(route, function);
            }
        }
        LocalServer local = new LocalServer(Http.loopbackServer(port), routes, skill, link, clock, log, metrics);
        local.server.start();
        return local;
    }

    public String origin() {
        return Http.origin(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Each route and the logical id of the function behind it, e.g. {@code POST /token -> TokenFunction}. */
    public List<String> routeDescriptions() {
        List<String> lines = new ArrayList<>();
        routes.forEach((route, function) -> lines.add(route + " -> " + function.definition().logicalId()));
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            if (LoopbackHost.refused(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            for (Map.Entry<SamTemplate.Route, LocalFunction> route : routes.entrySet()) {
                if (route.getKey().matches(method, path)) {
                    httpApi(exchange, route.getKey(), route.getValue());
                    return;
                }
            }
            switch (method + " " + path) {
                case "POST /skill" -> skill(exchange);
                case "GET /" -> browser.home(exchange);
                case "GET /simulator.js" -> browser.script(exchange);
                case "GET /simulator.css" -> browser.styles(exchange);
                case "GET /link" -> browser.link(exchange);
                case "GET /callback" -> browser.callback(exchange);
                case "GET /sim/api/state" -> browser.api(exchange, "state");
                case "POST /sim/api/link", "POST /sim/api/talk", "POST /sim/api/break" ->
                        browser.api(exchange, path.substring("/sim/api/".length()));
                case "POST " + DirectiveService.PATH -> browser.directives(exchange);
                case "GET /metrics" -> metrics(exchange);
                default -> write(exchange, HttpApiEvents.notFound());
            }
        } catch (IOException | RuntimeException e) {
            log.println("local: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " failed: " + e.getClass().getSimpleName());
            try {
                write(exchange, HttpApiEvents.internalServerError());
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    private void httpApi(HttpExchange exchange, SamTemplate.Route route, LocalFunction function) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        HttpApiEvents.Request request = new HttpApiEvents.Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers,
                Http.readBody(exchange), exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
        JsonObject event = HttpApiEvents.toEvent(request, route.toString(), clock.instant());
        LocalFunction.Invocation invocation = function.invoke(event.toString().getBytes(StandardCharsets.UTF_8));
        HttpApiEvents.Response response = invocation.failed()
                ? HttpApiEvents.internalServerError()
                : HttpApiEvents.toResponse(invocation.output());
        exchange.getResponseHeaders().set("Apigw-Requestid", event.getAsJsonObject("requestContext")
                .get("requestId").getAsString());
        write(exchange, response);
    }

    private void skill(HttpExchange exchange) throws IOException {
        if (skill == null) {
            write(exchange, HttpApiEvents.notFound());
            return;
        }
        LocalFunction.Invocation invocation = skill.invoke(Http.readBody(exchange));
        if (invocation.failed()) {
            Http.send(exchange, 500, "application/json", invocation.errorJson().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Http.send(exchange, 200, "application/json;charset=UTF-8", invocation.output());
    }

    private void metrics(HttpExchange exchange) throws IOException {
        if (metrics == null) {
            write(exchange, HttpApiEvents.notFound());
            return;
        }
        Http.send(exchange, 200, "text/plain;charset=UTF-8", metrics.render().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, HttpApiEvents.Response response) throws IOException {
        response.headers().forEach((name, value) -> {
            // The server frames the body itself; a function's own framing headers would contradict it.
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                exchange.getResponseHeaders().set(name, value);
            }
        });
        response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        String contentType = exchange.getResponseHeaders().getFirst("Content-Type");
        Http.send(exchange, response.status(), contentType, response.body());
    }
}
