package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
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
                    URI.create(standIn.baseUrl() + "/services/oauth2/userinfo")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, userinfo.statusCode());
            assertTrue(userinfo.body().contains("\"user_id\""));
        }
    }
}
