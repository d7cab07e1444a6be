package io.github.asflink.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A Salesforce stand-in on loopback answering the calls the functions make with realistic, precomputed bodies: the
 * token endpoint (with a correct {@code signature}), userinfo, and SOQL queries. Every answer can wait {@code delay}
 * first, each request on its own virtual thread, so concurrent callers are never serialised here.
 */
final class SalesforceStandIn implements AutoCloseable {

    static final String CLIENT_ID = "3MVG9benchmark.client.id";
    static final String CLIENT_SECRET = "benchmark-client-secret-0123456789";
    static final String ACCESS_TOKEN = "00D5g000004bEnCh!AQ4AQFbenchmark.access.token.0123456789abcdefghijklmnopqrstuv";
    static final String REFRESH_TOKEN = "5Aep861benchmark.refresh.token.0123456789abcdefghijklmnop";

    /** One request as it arrived, so the warm benchmark can replay it without the function. */
    record Recorded(String method, String pathAndQuery, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final java.util.List<Recorded> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final AtomicInteger requests = new AtomicInteger();
    private final byte[] tokenAnswer;
    private final byte[] userinfoAnswer;
    private final String base;

    private SalesforceStandIn(HttpServer server, Duration delay, String instanceUrl) {
        this.server = server;
        this.delay = delay;
        String scheme = server instanceof HttpsServer ? "https" : "http";
        this.base = scheme + "://127.0.0.1:" + server.getAddress().getPort();
        this.tokenAnswer = tokenJson(instanceUrl == null ? base : instanceUrl, System.currentTimeMillis())
                .getBytes(StandardCharsets.UTF_8);
        this.userinfoAnswer = userinfoJson(base).getBytes(StandardCharsets.UTF_8);
    }

    static SalesforceStandIn start(Duration delay) throws IOException {
        return start(delay, null);
    }

    /**
     * @param instanceUrl the {@code instance_url} (and identity host) the token answer names; null for this server.
     *                    A default-allowed Salesforce host lets a token function whose allow-list cannot be changed
     *                    (the local runner's) accept the answer; nothing ever connects to it.
     */
    static SalesforceStandIn start(Duration delay, String instanceUrl) throws IOException {
        return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128), delay,
                instanceUrl);
    }

    /** The same stand-in over TLS ({@code https://127.0.0.1:PORT}), answering instantly. */
    static SalesforceStandIn startTls(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return start(server, Duration.ZERO, null);
    }

    private static SalesforceStandIn start(HttpServer server, Duration delay, String instanceUrl) {
        SalesforceStandIn standIn = new SalesforceStandIn(server, delay, instanceUrl);
        server.createContext("/", standIn::handle);
        server.setExecutor(standIn.executor);
        server.start();
        return standIn;
    }

    /** {@code http://127.0.0.1:PORT}: login URL and instance URL at once. */
    String baseUrl() {
        return base;
    }

    int requests() {
        return requests.get();
    }

    /** Starts recording requests ({@code true}), or stops and returns what was recorded ({@code false}). */
    java.util.List<Recorded> record(boolean on) {
        if (on) {
            recorded.clear();
        }
        recording = on;
        return java.util.List.copyOf(recorded);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (recording) {
                java.net.URI uri = exchange.getRequestURI();
                String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                recorded.add(new Recorded(exchange.getRequestMethod(), raw,
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/services/oauth2/token")) {
                send(exchange, 200, tokenAnswer);
            } else if (method.equals("GET") && path.equals("/services/oauth2/userinfo")) {
                send(exchange, 200, userinfoAnswer);
            } else if (method.equals("GET") && path.matches("/services/data/v[0-9.]+/query/?")) {
                send(exchange, 200, queryJson(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.matches("/services/data/v[0-9.]+/sobjects/Task/?")) {
                send(exchange, 201, "{\"id\":\"00T5g00000bEnCh001\",\"success\":true,\"errors\":[]}"
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, ("[{\"message\":\"The requested resource does not exist\","
                        + "\"errorCode\":\"NOT_FOUND\"}]").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    static String tokenJson(String base, long issuedAt) {
        String id = base + "/id/00D5g000004bEnCEAA/0055g00000bEnChAAM";
        String issued = Long.toString(issuedAt);
        return "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"" + REFRESH_TOKEN + "\","
                + "\"signature\":\"" + signature(id, issued) + "\",\"scope\":\"refresh_token api\","
                + "\"instance_url\":\"" + base + "\",\"id\":\"" + id + "\",\"token_type\":\"Bearer\","
                + "\"issued_at\":\"" + issued + "\"}";
    }

    /** Base64(HMAC-SHA256(key = client secret, data = id + issued_at)), as Salesforce signs. */
    static String signature(String id, String issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String userinfoJson(String base) {
        return "{\"sub\":\"" + base + "/id/00D5g000004bEnCEAA/0055g00000bEnChAAM\",\"user_id\":\"0055g00000bEnChAAM\","
                + "\"organization_id\":\"00D5g000004bEnCEAA\",\"preferred_username\":\"ada@example.com\","
                + "\"nickname\":\"ada\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                + "\"email_verified\":true,\"given_name\":\"Ada\",\"family_name\":\"Lovelace\","
                + "\"zoneinfo\":\"Europe/London\",\"locale\":\"en_US\",\"user_type\":\"STANDARD\","
                + "\"urls\":{\"rest\":\"" + base + "/services/data/v{version}/\"}}";
    }

    static String queryJson(String query) {
        String q = query == null ? "" : java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
        if (q.contains("COUNT()")) {
            return "{\"totalSize\":3,\"done\":true,\"records\":[]}";
        }
        if (q.contains("FROM Case")) {
            return "{\"totalSize\":2,\"done\":true,\"records\":["
                    + caseRecord("5005g00000bEnCh001", "00001026", "Printer on fire", "High", "New")
                    + "," + caseRecord("5005g00000bEnCh002", "00001027", "Password reset", "Medium", "Working")
                    + "]}";
        }
        return "{\"totalSize\":3,\"done\":true,\"records\":["
                + opportunity("0065g00000bEnCh001", "Acme renewal", "120000.0", "2026-12-18", "Negotiation/Review")
                + "," + opportunity("0065g00000bEnCh002", "Globex expansion", "45000.0", "2026-12-22",
                        "Proposal/Price Quote")
                + "," + opportunity("0065g00000bEnCh003", "Initech pilot", "9800.0", "2027-01-09", "Qualification")
                + "]}";
    }

    private static String opportunity(String id, String name, String amount, String closeDate, String stage) {
        return "{\"attributes\":{\"type\":\"Opportunity\",\"url\":\"/services/data/v67.0/sobjects/Opportunity/" + id
                + "\"},\"Id\":\"" + id + "\",\"Name\":\"" + name + "\",\"Amount\":" + amount + ",\"CloseDate\":\""
                + closeDate + "\",\"StageName\":\"" + stage
                + "\",\"OwnerId\":\"0055g00000bEnChAAM\",\"IsClosed\":false}";
    }

    private static String caseRecord(String id, String number, String subject, String priority, String status) {
        return "{\"attributes\":{\"type\":\"Case\",\"url\":\"/services/data/v67.0/sobjects/Case/" + id
                + "\"},\"Id\":\"" + id + "\",\"CaseNumber\":\"" + number + "\",\"Subject\":\"" + subject
                + "\",\"Priority\":\"" + priority + "\",\"Status\":\"" + status
                + "\",\"OwnerId\":\"0055g00000bEnChAAM\",\"IsClosed\":false}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
