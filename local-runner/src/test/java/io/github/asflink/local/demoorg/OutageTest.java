package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.local.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo org's outage switches and its control endpoint, over HTTP. */
class OutageTest {
    private static final String QUERY = "/services/data/v67.0/query?q=SELECT%20Id%20FROM%20Account";
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoOrg org;

    @BeforeEach
    void start() throws IOException {
        org = DemoOrg.start(0, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        org.outage().set(Outage.Mode.NORMAL, Duration.ZERO);
        org.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(org.origin() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String authorization, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(org.origin() + OrgControls.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form))).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String appCredentials() {
        return "Basic " + Base64.getEncoder().encodeToString((ConnectedApp.DEMO_CLIENT_ID + ":"
                + ConnectedApp.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void downAnswersTheApiWith503ButTheLoginPageStillWorks() throws Exception {
        assertEquals(401, get(QUERY).statusCode(), "normal: no token, INVALID_SESSION_ID");
        assertEquals(200, control(appCredentials(), Map.of("action", "down")).statusCode());
        HttpResponse<String> data = get(QUERY);
        assertEquals(503, data.statusCode());
        assertTrue(data.body().contains("SERVER_UNAVAILABLE"), data.body());
        assertEquals(503, get("/services/oauth2/userinfo").statusCode());
        assertEquals(200, get("/services/oauth2/authorize?response_type=code&client_id=demo-client-id"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback").statusCode(), "the login page is up");
        assertEquals(200, control(appCredentials(), Map.of("action", "normal")).statusCode());
        assertEquals(401, get(QUERY).statusCode(), "back to normal");
    }

    @Test
    void slowDelaysEveryApiAnswer() throws Exception {
        HttpResponse<String> answer = control(appCredentials(), Map.of("action", "slow", "delayMs", "400"));
        assertEquals("{\"mode\":\"SLOW\",\"delayMs\":400}", answer.body());
        long start = System.nanoTime();
        assertEquals(401, get(QUERY).statusCode());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 400, "answered after " + millis + " ms");
    }

    @Test
    void stallSendsTheHeadersAndThenNothing() throws Exception {
        org.outage().set(Outage.Mode.STALL, Duration.ZERO);
        int port = URI.create(org.origin()).getPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1500);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            boolean silent = false;
            try {
                int c;
                while ((c = in.read()) >= 0) {
                    head.append((char) c);
                }
            } catch (SocketTimeoutException e) {
                silent = true;
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 200"), head.toString());
            assertTrue(head.toString().contains("\r\n\r\n"), "the headers came: " + head);
            assertTrue(silent, "then silence, no body: " + head);
        }
    }

    @Test
    void onlyTheConnectedAppMayFlipTheSwitches() throws Exception {
        assertEquals(401, control(null, Map.of("action", "down")).statusCode());
        String wrong = "Basic " + Base64.getEncoder().encodeToString((ConnectedApp.DEMO_CLIENT_ID + ":nope")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(401, control(wrong, Map.of("action", "down")).statusCode());
        assertEquals(Outage.Mode.NORMAL, org.outage().mode(), "nothing changed");
        assertEquals(400, control(appCredentials(), Map.of("action", "explode")).statusCode());
        HttpResponse<String> expired = control(appCredentials(), Map.of("action", "expire", "token", "00Dnope"));
        assertEquals("{\"expired\":false,\"mode\":\"NORMAL\",\"delayMs\":0}", expired.body());
    }
}
