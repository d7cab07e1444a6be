package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The steps Alexa (and a browser) take, over real HTTP, for the end-to-end tests. */
final class Flow {
    static final String REDIRECT_URI = "https://pitangui.amazon.com/api/skill/link/DEMOVENDOR";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String orgOrigin;
    private final String serveOrigin;

    Flow(String orgOrigin, String serveOrigin) {
        this.orgOrigin = orgOrigin;
        this.serveOrigin = serveOrigin;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form))));
    }

    String authorizeUrl(String redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("scope", "api refresh_token id");
        return orgOrigin + "/services/oauth2/authorize?" + Http.formEncode(query);
    }

    /** Opens the login page and logs in; returns the redirect's Location. */
    String logIn(String authorizeUrl, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get(authorizeUrl);
        if (page.statusCode() != 200) {
            throw new AssertionError("authorize answered " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            form.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">"));
        }
        form.put("username", username);
        form.put("pw", password);
        HttpResponse<String> answer = postForm(orgOrigin + "/services/oauth2/authorize", form);
        return answer.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect after login: " + answer.statusCode()));
    }

    /** The authorization code Alexa receives after the user logs in as ada. */
    String code() throws IOException, InterruptedException {
        String location = logIn(authorizeUrl(REDIRECT_URI, "s1"), "ada@demo.example", "demo");
        return Http.parseForm(URI.create(location).getRawQuery()).get("code");
    }

    /** POST /token as Alexa does: form body, Basic credentials (or body credentials). */
    HttpResponse<String> token(Map<String, String> form, boolean basic) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serveOrigin + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
        if (basic) {
            String credentials = ConnectedApp.DEMO_CLIENT_ID + ":" + ConnectedApp.DEMO_CLIENT_SECRET;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
            body.put("client_secret", ConnectedApp.DEMO_CLIENT_SECRET);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(body))));
    }

    JsonObject exchange(String code) throws IOException, InterruptedException {
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI), true);
        if (answer.statusCode() != 200) {
            throw new AssertionError("/token answered " + answer.statusCode() + ": " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    JsonObject skill(JsonObject envelope) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(serveOrigin + "/skill"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())));
        if (answer.statusCode() != 200) {
            throw new AssertionError("/skill answered " + answer.statusCode() + ": " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    static String ssml(JsonObject response) {
        return response.getAsJsonObject("response").getAsJsonObject("outputSpeech").get("ssml").getAsString();
    }
}
