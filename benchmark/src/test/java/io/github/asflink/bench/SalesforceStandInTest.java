package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.local.SamTemplate;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in answers what the functions ask, over plain HTTP and over TLS with the generated trust store. */
class SalesforceStandInTest {

    @TempDir
    Path scratch;

    @Test
    void answersTheTokenCallAndRecordsItForReplay() throws Exception {
        try (SalesforceStandIn standIn = SalesforceStandIn.start(Duration.ZERO)) {
            HttpClient http = HttpClient.newHttpClient();
            standIn.record(true);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                    URI.create(standIn.baseUrl() + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<SalesforceStandIn.Recorded> recorded = standIn.record(false);

            assertEquals(200, token.statusCode());
            assertTrue(token.body().contains("\"instance_url\":\"" + standIn.baseUrl() + "\""));
            assertEquals(1, recorded.size());
            assertEquals("POST", recorded.get(0).method());
            assertEquals("/services/oauth2/token", recorded.get(0).pathAndQuery());
        }
    }

    @Test
    void servesTlsThatTheGeneratedTrustStoreAccepts() throws Exception {
        TlsMaterial tls = TlsMaterial.create(scratch);
        try (SalesforceStandIn standIn = SalesforceStandIn.startTls(tls.serverContext())) {
            assertTrue(standIn.baseUrl().startsWith("https://127.0.0.1:"));
            String trustStore = tls.clientFlags().get(0).substring("-Djavax.net.ssl.trustStore=".length());
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
                store.load(in, "changeit".toCharArray());
            }
            assertTrue(store.size() > 1, "the JDK's CA list is kept");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(context).build();

            HttpResponse<String> userinfo = https.send(HttpRequest.newBuilder(
                    URI.create(standIn.baseUrl() + "/services/oauth2/userinfo"))
                    .header("Authorization", "Bearer " + SalesforceStandIn.ACCESS_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, userinfo.statusCode());
            assertTrue(userinfo.body().contains("\"user_id\""));
        }
    }

    private static final String Q1 = "SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity USING SCOPE"
            + " mine WHERE IsClosed = false";
    private static final String Q2M = "SELECT Name, Amount, CurrencyIsoCode, CloseDate FROM Opportunity USING SCOPE"
            + " mine WHERE IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    private static final String Q2S = "SELECT Name, Amount, CloseDate FROM Opportunity USING SCOPE mine WHERE"
            + " IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    private static final String Q3 = "SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1";
    private static final String Q4 = "SELECT COUNT() FROM Case USING SCOPE mine WHERE IsClosed = false";
    private static final String Q5 = "SELECT Id, CaseNumber, Subject, Priority, Status FROM Case USING SCOPE mine"
            + " WHERE IsClosed = false ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3";
    private static final String TODAYS_PIPELINE = "SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId ="
            + " '0055g00000bEnChAAM' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000";

    private static HttpResponse<String> get(SalesforceStandIn standIn, String pathAndQuery, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(SalesforceStandIn standIn, String soql, String token) throws Exception {
        return get(standIn, "/services/data/v67.0/query?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"), token);
    }

    private static void assertAnswer(SalesforceErrorAnswer expected, HttpResponse<String> actual) {
        assertEquals(expected.status(), actual.statusCode(), actual.body());
        assertEquals(expected.body(), actual.body());
        assertEquals(expected.contentType(), actual.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void answersTheSkillsQueriesWithTheFieldsTheySelect() throws Exception {
        try (SalesforceStandIn standIn = SalesforceStandIn.start(Duration.ZERO)) {
            String token = SalesforceStandIn.ACCESS_TOKEN;
            Map<String, String> expected = Map.of(
                    Q1, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"AggregateResult\"},"
                            + "\"openCount\":3,\"openAmount\":174800.0}]}",
                    Q2S, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Opportunity\","
                            + "\"url\":\"/services/data/v67.0/sobjects/Opportunity/0065g00000bEnCh001\"},"
                            + "\"Name\":\"Acme renewal\",\"Amount\":120000.0,\"CloseDate\":\"2026-12-18\"}]}",
                    Q3, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Organization\","
                            + "\"url\":\"/services/data/v67.0/sobjects/Organization/00D5g000004bEnCEAA\"},"
                            + "\"DefaultCurrencyIsoCode\":\"USD\"}]}",
                    Q4, "{\"totalSize\":3,\"done\":true,\"records\":[]}");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                HttpResponse<String> answer = query(standIn, e.getKey(), token);
                assertEquals(200, answer.statusCode(), e.getKey());
                assertEquals(e.getValue(), answer.body(), e.getKey());
            }
            String top = query(standIn, Q5, token).body();
            assertTrue(top.startsWith("{\"totalSize\":3,\"done\":true,\"records\":[{\"attributes\":"
                    + "{\"type\":\"Case\","), top);
            assertTrue(top.contains("\"Id\":\"5005g00000bEnCh001\",\"CaseNumber\":\"00001026\",\"Subject\":"
                    + "\"Printer on fire\",\"Priority\":\"High\",\"Status\":\"New\"}"), top);
            String pipeline = query(standIn, TODAYS_PIPELINE, token).body();
            assertTrue(pipeline.startsWith("{\"totalSize\":3,"), "today's record query still answered: " + pipeline);
            assertTrue(pipeline.contains("\"Id\":\"0065g00000bEnCh001\",\"Name\":\"Acme renewal\",\"Amount\":120000.0,"
                    + "\"CloseDate\":\"2026-12-18\"}"), pipeline);
        }
    }

    @Test
    void isASingleCurrencyOrgAndRefusesDeadTokensAsSalesforceDoes() throws Exception {
        try (SalesforceStandIn standIn = SalesforceStandIn.start(Duration.ZERO)) {
            assertAnswer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"),
                    query(standIn, Q2M, SalesforceStandIn.ACCESS_TOKEN));
            assertAnswer(SalesforceErrors.identityMissingToken(), get(standIn, "/services/oauth2/userinfo", null));
            assertAnswer(SalesforceErrors.identityBadToken(), get(standIn, "/services/oauth2/userinfo", "00Dexpired"));
            assertAnswer(SalesforceErrors.dataInvalidSession(), query(standIn, Q1, "00Dexpired"));
            assertAnswer(SalesforceErrors.notFound(), get(standIn, "/services/data/v67.0/nothing",
                    SalesforceStandIn.ACCESS_TOKEN));
            HttpResponse<String> userinfo = get(standIn, "/services/oauth2/userinfo", SalesforceStandIn.ACCESS_TOKEN);
            assertEquals(200, userinfo.statusCode());
            assertTrue(userinfo.body().contains("\"user_id\":\"0055g00000bEnChAAM\""), userinfo.body());
            assertTrue(userinfo.body().contains("\"zoneinfo\":\"Europe/London\""), userinfo.body());

            HttpResponse<String> password = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(standIn.baseUrl() + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertAnswer(SalesforceErrors.unsupportedGrantType(), password);
        }
    }

    @Test
    void theFunctionsGetTheSecureSettingsTheyRequire() {
        Functions functions = new Functions(scratch, SamTemplate.parse("Resources: {}"), "http://127.0.0.1:1");
        assertEquals(SalesforceStandIn.CLIENT_ID, functions.tokenEnv().get("ALLOWED_CLIENT_IDS"));
        assertTrue(new String(java.util.Base64.getDecoder().decode(new String(Events.tokenAuthorizationCode(),
                StandardCharsets.UTF_8).replaceAll("(?s).*\"body\":\"([^\"]+)\".*", "$1")), StandardCharsets.UTF_8)
                .contains("client_id=" + URLEncoder.encode(SalesforceStandIn.CLIENT_ID, StandardCharsets.UTF_8)),
                "the event's client is the allowed one");
        assertEquals(Events.SKILL_ID, functions.skillEnv().get("SKILL_ID"));
        assertTrue(new String(Events.skillLaunch(null), StandardCharsets.UTF_8)
                .contains("\"applicationId\":\"" + Events.SKILL_ID + "\""));
    }
}
