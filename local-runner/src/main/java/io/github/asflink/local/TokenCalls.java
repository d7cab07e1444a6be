package io.github.asflink.local;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.simulator.Diagnosis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alexa's two calls to the Access Token URI, sent to the local {@code /token}: the authorization_code grant after
 * the redirect and the refresh_token grant, with the client authentication scheme the Alexa console offers (HTTP
 * Basic or credentials in the body) and the PKCE verifier when linking used one. Each becomes a {@link Step}.
 */
final class TokenCalls {
    /** The answer: the step to show and, when it granted, the parsed body. */
    record Answer(Step step, JsonObject granted) {
    }

    enum Scheme { BASIC, BODY }

    private static final List<String> SHOWN_HEADERS = List.of("content-type", "cache-control", "pragma",
            "www-authenticate", "apigw-requestid");

    private static final Gson PRETTY = Http.GSON.newBuilder().setPrettyPrinting().create();

    private final HttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;

    TokenCalls(HttpClient http, String tokenUrl, String clientId, String clientSecret) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    Answer exchange(String code, String redirectUri, String codeVerifier, Scheme scheme) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return send("Alexa exchanges the code at the Access Token URI", form, scheme, codeVerifier != null);
    }

    Answer refresh(String refreshToken, Scheme scheme) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return send("Alexa refreshes the token", form, scheme, false);
    }

    private Answer send(String title, Map<String, String> form, Scheme scheme, boolean pkce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
        if (scheme == Scheme.BASIC) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((Http.encode(clientId) + ":"
                    + Http.encode(clientSecret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        }
        String body = Http.formEncode(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(15));
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(failed(title, body, headers, start, "no answer from /token ("
                    + e.getClass().getSimpleName() + ")"), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(failed(title, body, headers, start, "interrupted"), null);
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : SHOWN_HEADERS) {
            answer.headers().firstValue(name).ifPresent(v -> shown.put(name, v));
        }
        JsonObject json = parse(answer.body());
        String maskedBody = json == null ? answer.body() : PRETTY.toJson(Redaction.json(json));
        boolean granted = answer.statusCode() == 200 && json != null && json.has("access_token");
        Step step = new Step(title, "POST", tokenUrl, Redaction.headers(headers), Redaction.form(body),
                answer.statusCode(), shown, maskedBody, millis, null, null, null, granted);
        if (!granted) {
            String error = json != null && json.has("error") ? json.get("error").getAsString() : null;
            String description = json != null && json.has("error_description")
                    ? json.get("error_description").getAsString() : null;
            Diagnosis diagnosis = Diagnosis.tokenAnswer(answer.statusCode(), error, description, pkce,
                    form.get("grant_type")).orElse(new Diagnosis("The token endpoint answered "
                    + answer.statusCode() + " without a token.", "See the token function's log line."));
            step = step.withDiagnosis(diagnosis.why(), diagnosis.fix());
        }
        return new Answer(step, granted ? json : null);
    }

    private Step failed(String title, String body, Map<String, String> headers, long start, String what) {
        return new Step(title, "POST", tokenUrl, Redaction.headers(headers), Redaction.form(body), 0, Map.of(), null,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), what,
                "The local token endpoint did not answer.", "Check the runner's stderr.", false);
    }

    private static JsonObject parse(String body) {
        try {
            return JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
