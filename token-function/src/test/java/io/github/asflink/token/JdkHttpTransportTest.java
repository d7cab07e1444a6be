package io.github.asflink.token;

import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** How the real transport sorts what goes wrong: the network's trouble is Salesforce's, a fault inside is ours. */
class JdkHttpTransportTest {

    private static final String SECRET = "transport+secret/=";

    private static Invocation refreshThrough(JdkHttpTransport transport, String loginUrl) {
        CapturingContext context = new CapturingContext();
        Invocation answer = Invocation.of(new TokenHandler(TokenConfig.fromEnvironment(
                WireMockSalesforce.environmentFor(loginUrl)), transport), HttpApiEventBuilder.post()
                .formBody(form("grant_type", "refresh_token", "refresh_token", "5AepRefresh+/=", "client_id", "c",
                        "client_secret", SECRET)).json(), context);
        assertEquals(List.of(LogLevel.ERROR), context.capturedLogger().levels());
        return answer;
    }

    @Test
    void aFaultInsideTheExchangeIsAnInternalErrorNotAnUpstreamFailure() {
        HttpClient broken = new FailingClient(() -> new IllegalArgumentException("a bug quoting " + SECRET));

        Invocation answer = refreshThrough(new JdkHttpTransport(() -> broken), "https://login.salesforce.com");

        assertEquals(500, answer.status());
        assertEquals("server_error", answer.error());
        assertEquals("internal_error", answer.logLine().get("outcome").getAsString());
        assertTrue(answer.logLine().get("note").getAsString().endsWith("JdkHttpTransport$InternalFault"),
                answer.logLine().toString());
        assertFalse(answer.logLines().get(0).contains(SECRET), "the cause's message never reaches the log");
        assertFalse(answer.rawBody().contains(SECRET));
    }

    @Test
    void aConnectionRefusedIsStillSalesforceUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Invocation answer = refreshThrough(JdkHttpTransport.SHARED, "http://127.0.0.1:" + closedPort);

        assertEquals(503, answer.status());
        assertEquals("upstream_failure", answer.logLine().get("outcome").getAsString());
        assertEquals(SalesforceTokenClient.UNREACHABLE, answer.string("error_description"));
    }

    /** A client whose every exchange fails with {@code fault}, as only a bug (not a network) can make it. */
    private static final class FailingClient extends HttpClient {
        private final Supplier<RuntimeException> fault;

        FailingClient(Supplier<RuntimeException> fault) {
            this.fault = fault;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.failedFuture(fault.get());
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            throw fault.get();
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
