package io.github.asflink.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.net.URLDecoder;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A Salesforce stand-in on loopback answering the calls the functions make with realistic bodies: the token endpoint
 * (with a correct {@code signature}), userinfo, and the skill's SOQL queries (pipeline totals as an
 * {@code AggregateResult}, the next opportunity, the org's currency, open cases). It is a single-currency org, so a
 * query naming {@code CurrencyIsoCode} on Opportunity gets {@code 400 INVALID_FIELD}, and a token other than
 * {@link #ACCESS_TOKEN} gets the dead-token answers; every failure answer comes from salesforce-errors. Every answer
 * can wait {@code delay} first, each request on its own virtual thread, so concurrent callers are never serialised.
 */
final class SalesforceStandIn implements AutoCloseable {

    static final String CLIENT_ID = "3MVG9benchmark.client.id";
    static final String CLIENT_SECRET = "benchmark-client-secret-0123456789";
    static final String ACCESS_TOKEN = "00D5g000004bEnCh!AQ4AQFbenchmark.access.token.0123456789abcdefghijklmnopqrstuv";
    static final String REFRESH_TOKEN = "5Aep861benchmark.refresh.token.0123456789abcdefghijklmnop";

    static final String USER_ID = "0055g00000bEnChAAM";
    static final String ORG_ID = "00D5g000004bEnCEAA";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Pattern COUNT_ALIAS = Pattern.compile("COUNT\\(Id\\)\\s+(\\w+)");
    private static final Pattern SUM_ALIAS = Pattern.compile("SUM\\(Amount\\)\\s+(\\w+)");

    /** One request as it arrived, so the warm benchmark can replay it without the function. */
    record Recorded(String method, String pathAndQuery, String contentType, String authorization, byte[] body) {
    }

    /** An answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, JSON, body);
        }

        static Answer of(SalesforceErrorAnswer failure) {
            return new Answer(failure.status(), failure.contentType(), failure.body());
        }
    }

    private final HttpServer server;
    private final java.util.List<Recorded> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final AtomicInteger requests = new AtomicInteger();
    private final byte[] tokenAnswer;
    private final String base;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private SalesforceStandIn(HttpServer server, Duration delay, String instanceUrl) {
        this.server = server;
        this.delay = delay;
        String scheme = server instanceof HttpsServer ? "https" : "http";
        this.base = scheme + "://127.0.0.1:" + server.getAddress().getPort();
        this.tokenAnswer = tokenJson(instanceUrl == null ? base : instanceUrl, System.currentTimeMillis())
                .getBytes(StandardCharsets.UTF_8);
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
            java.net.URI uri = exchange.getRequestURI();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (recording) {
                String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                recorded.add(new Recorded(exchange.getRequestMethod(), raw,
                        exchange.getRequestHeaders().getFirst("Content-Type"), authorization, body));
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = uri.getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/services/oauth2/token")) {
                Answer refused = tokenRefusal(new String(body, StandardCharsets.UTF_8));
                if (refused != null) {
                    send(exchange, refused);
                } else {
                    send(exchange, 200, tokenAnswer);
                }
            } else {
                String key = method + " " + path + "?" + uri.getRawQuery() + " " + authorization;
                send(exchange, answers.computeIfAbsent(key, k -> answer(method, path, uri.getRawQuery(), authorization,
                        base)));
            }
        }
    }

    /**
     * What the stand-in answers a userinfo, query or Task call: by path, the bearer token, and for a query its SOQL.
     * {@code base} is this server's origin (the identity URLs in userinfo name it).
     */
    static Answer answer(String method, String path, String rawQuery, String authorization, String base) {
        boolean userinfo = path.equals("/services/oauth2/userinfo");
        if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
            if (userinfo) {
                return Answer.of(authorization == null ? SalesforceErrors.identityMissingToken()
                        : SalesforceErrors.identityBadToken());
            }
            return Answer.of(SalesforceErrors.dataInvalidSession());
        }
        if (method.equals("GET") && userinfo) {
            return Answer.json(200, userinfoJson(base));
        }
        if (method.equals("GET") && path.matches("/services/data/v[0-9.]+/query/?")) {
            return queryAnswer(rawQuery);
        }
        if (method.equals("POST") && path.matches("/services/data/v[0-9.]+/sobjects/Task/?")) {
            return Answer.json(201, "{\"id\":\"00T5g00000bEnCh001\",\"success\":true,\"errors\":[]}");
        }
        return Answer.of(SalesforceErrors.notFound());
    }

    /** A token request the stand-in refuses as Salesforce would, or null for a grant it answers. */
    static Answer tokenRefusal(String form) {
        String grantType = formValue(form, "grant_type");
        if (grantType == null || grantType.isEmpty()) {
            return Answer.of(SalesforceErrors.oauth(400, "invalid_request", "grant type is missing"));
        }
        if (!grantType.equals("authorization_code") && !grantType.equals("refresh_token")) {
            return Answer.of(SalesforceErrors.unsupportedGrantType());
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    static String tokenJson(String base, long issuedAt) {
        String id = base + "/id/" + ORG_ID + "/" + USER_ID;
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

    /**
     * The answer to {@code GET .../query?q=SOQL} ({@code rawQuery} as it arrived): the skill's queries, each with the
     * fields it selects, for the user who owns three open opportunities and three open cases.
     */
    static Answer queryAnswer(String rawQuery) {
        String q = formValue(rawQuery, "q");
        if (q == null || q.isBlank()) {
            return Answer.of(SalesforceErrors.malformedQuery("A query string has to be specified"));
        }
        if (q.contains("FROM Opportunity") && q.contains("CurrencyIsoCode")) {
            return Answer.of(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"));
        }
        if (q.contains("SUM(Amount)") || q.contains("COUNT(Id)")) {
            return Answer.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                    + "\"AggregateResult\"},\"" + alias(COUNT_ALIAS, q, "expr0") + "\":3,\""
                    + alias(SUM_ALIAS, q, "expr1") + "\":174800.0}]}");
        }
        if (q.contains("COUNT()")) {
            return Answer.json(200, "{\"totalSize\":3,\"done\":true,\"records\":[]}");
        }
        if (q.contains("FROM Organization")) {
            return Answer.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                    + "\"Organization\",\"url\":\"/services/data/v67.0/sobjects/Organization/" + ORG_ID + "\"},"
                    + "\"DefaultCurrencyIsoCode\":\"USD\"}]}");
        }
        if (q.contains("FROM Case")) {
            return Answer.json(200, "{\"totalSize\":3,\"done\":true,\"records\":["
                    + caseRecord("5005g00000bEnCh001", "00001026", "Printer on fire", "High", "New")
                    + "," + caseRecord("5005g00000bEnCh002", "00001027", "Password reset", "Medium", "Working")
                    + "," + caseRecord("5005g00000bEnCh003", "00001031", "Export drops fields", "Low", "New")
                    + "]}");
        }
        if (q.contains("FROM Opportunity") && q.startsWith("SELECT Name, Amount, CloseDate ")) {
            return Answer.json(200, "{\"totalSize\":1,\"done\":true,\"records\":["
                    + nextOpportunity("0065g00000bEnCh001", "Acme renewal", "120000.0", "2026-12-18") + "]}");
        }
        if (q.contains("FROM Opportunity")) {
            return Answer.json(200, "{\"totalSize\":3,\"done\":true,\"records\":["
                    + opportunity("0065g00000bEnCh001", "Acme renewal", "120000.0", "2026-12-18")
                    + "," + opportunity("0065g00000bEnCh002", "Globex expansion", "45000.0", "2026-12-22")
                    + "," + opportunity("0065g00000bEnCh003", "Initech pilot", "9800.0", "2027-01-09")
                    + "]}");
        }
        return Answer.of(SalesforceErrors.malformedQuery("unexpected query"));
    }

    private static String alias(Pattern aggregate, String q, String unnamed) {
        Matcher m = aggregate.matcher(q);
        return m.find() && !m.group(1).equals("FROM") ? m.group(1) : unnamed;
    }

    /** The first value of {@code name} in a form body or raw query string, decoded; null when absent. */
    static String formValue(String encoded, String name) {
        if (encoded == null) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String attributes(String type, String id) {
        return "{\"type\":\"" + type + "\",\"url\":\"/services/data/v67.0/sobjects/" + type + "/" + id + "\"}";
    }

    /** A pipeline record with what the skill's record query selects (Id, Name, Amount, CloseDate). */
    private static String opportunity(String id, String name, String amount, String closeDate) {
        return "{\"attributes\":" + attributes("Opportunity", id) + ",\"Id\":\"" + id + "\",\"Name\":\"" + name
                + "\",\"Amount\":" + amount + ",\"CloseDate\":\"" + closeDate + "\"}";
    }

    /** The next opportunity to close, with what its query selects (Name, Amount, CloseDate). */
    private static String nextOpportunity(String id, String name, String amount, String closeDate) {
        return "{\"attributes\":" + attributes("Opportunity", id) + ",\"Name\":\"" + name + "\",\"Amount\":"
                + amount + ",\"CloseDate\":\"" + closeDate + "\"}";
    }

    private static String caseRecord(String id, String number, String subject, String priority, String status) {
        return "{\"attributes\":" + attributes("Case", id) + ",\"Id\":\"" + id + "\",\"CaseNumber\":\"" + number
                + "\",\"Subject\":\"" + subject + "\",\"Priority\":\"" + priority + "\",\"Status\":\""
                + status + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
