package io.github.asflink.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link SalesforceTransport} over {@code java.net.http}, with one client per execution environment. */
final class JdkHttpTransport implements SalesforceTransport {

    private final Duration connectTimeout;

    JdkHttpTransport(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Built on the first call out, not at init: creating the client loads the TLS context (about a third of a second),
     * which requests that fail validation never need.
     */
    private static final class Client {
        private static volatile HttpClient instance;

        static HttpClient get(Duration connectTimeout) {
            HttpClient client = instance;
            if (client == null) {
                synchronized (Client.class) {
                    client = instance;
                    if (client == null) {
                        client = HttpClient.newBuilder()
                                .connectTimeout(connectTimeout)
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build();
                        instance = client;
                    }
                }
            }
            return client;
        }
    }

    /** Builds the client without connecting anywhere; SnapStart priming calls it so the snapshot holds it. */
    static void warmUp(Duration connectTimeout) {
        Client.get(connectTimeout);
    }

    @Override
    public Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build();
        HttpResponse<String> response = Client.get(connectTimeout).send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body());
    }
}
