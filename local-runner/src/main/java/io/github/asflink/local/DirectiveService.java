package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stand-in for Alexa's directive service ({@code POST /v1/directives}), where the skill sends progressive
 * responses: checks the Bearer token is the {@code apiAccessToken} of a simulator session, records the directive
 * for that session's page and answers {@code 204} as Alexa does. The token is never logged or echoed.
 */
final class DirectiveService {
    static final String PATH = "/v1/directives";

    private final Function<String, Optional<SimulatorSession>> byApiToken;
    private final Clock clock;

    DirectiveService(Function<String, Optional<SimulatorSession>> byApiToken, Clock clock) {
        this.byApiToken = byApiToken;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<SimulatorSession> session = authorization != null && authorization.startsWith("Bearer ")
                ? byApiToken.apply(authorization.substring("Bearer ".length()).trim()) : Optional.empty();
        if (session.isEmpty()) {
            Http.send(exchange, 401, "application/json", ("{\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid "
                    + "access token\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonObject recorded;
        try {
            JsonObject body = JsonParser.parseString(new String(Http.readBody(exchange), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonObject header = body.getAsJsonObject("header");
            JsonObject directive = body.getAsJsonObject("directive");
            recorded = new JsonObject();
            recorded.addProperty("requestId", header.get("requestId").getAsString());
            recorded.addProperty("type", directive.get("type").getAsString());
            recorded.addProperty("speech", directive.has("speech") ? directive.get("speech").getAsString() : "");
            recorded.addProperty("at", clock.instant().toString());
        } catch (RuntimeException e) {
            Http.send(exchange, 400, "application/json", ("{\"code\":\"INVALID_DIRECTIVE\",\"message\":\"the body "
                    + "is not a directive with a header.requestId\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        session.get().directive(recorded);
        Http.send(exchange, 204, null, new byte[0]);
    }
}
