package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code account-linking}: the SMAPI body the ASK CLI sends, with the secret taken from the environment only. */
class AccountLinkingRequestTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LocalRunner.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheAccountLinkingRequestForTheAskCli() {
        Run run = run(Map.of("SALESFORCE_CLIENT_SECRET", "CONSUMER+SECRET/=&"), "account-linking",
                "--token-uri", "https://abc123.execute-api.eu-west-1.amazonaws.com/token",
                "--client-id", "3MVG9consumer.key", "--login-url", "https://acme.my.salesforce.com/",
                "--scheme", "REQUEST_BODY_CREDENTIALS");

        assertEquals(0, run.status(), run.err());
        JsonObject request = JsonParser.parseString(run.out()).getAsJsonObject()
                .getAsJsonObject("accountLinkingRequest");
        assertEquals("AUTH_CODE", request.get("type").getAsString());
        assertEquals("https://acme.my.salesforce.com/services/oauth2/authorize",
                request.get("authorizationUrl").getAsString());
        assertEquals("https://abc123.execute-api.eu-west-1.amazonaws.com/token",
                request.get("accessTokenUrl").getAsString());
        assertEquals("3MVG9consumer.key", request.get("clientId").getAsString());
        assertEquals("CONSUMER+SECRET/=&", request.get("clientSecret").getAsString());
        assertEquals("REQUEST_BODY_CREDENTIALS", request.get("accessTokenScheme").getAsString());
        assertEquals("[\"api\",\"refresh_token\",\"id\"]", request.get("scopes").toString());
        assertFalse(request.get("skipOnEnablement").getAsBoolean());
    }

    @Test
    void defaultsToProductionLoginAndHttpBasic() {
        Run run = run(Map.of("SALESFORCE_CLIENT_SECRET", "s"), "account-linking",
                "--token-uri", "https://x.execute-api.us-east-1.amazonaws.com/token", "--client-id", "key");
        JsonObject request = JsonParser.parseString(run.out()).getAsJsonObject()
                .getAsJsonObject("accountLinkingRequest");
        assertEquals("https://login.salesforce.com/services/oauth2/authorize",
                request.get("authorizationUrl").getAsString());
        assertEquals("HTTP_BASIC", request.get("accessTokenScheme").getAsString());
    }

    @Test
    void refusesToRunWithoutTheSecretInTheEnvironmentOrWithBadUrls() {
        Run noSecret = run(Map.of(), "account-linking", "--token-uri", "https://x.example/token", "--client-id", "k");
        assertEquals(LocalRunner.USAGE, noSecret.status());
        assertTrue(noSecret.err().contains("SALESFORCE_CLIENT_SECRET"), noSecret.err());
        assertEquals("", noSecret.out());

        Run http = run(Map.of("SALESFORCE_CLIENT_SECRET", "s"), "account-linking",
                "--token-uri", "http://x.example/token", "--client-id", "k");
        assertEquals(LocalRunner.USAGE, http.status());
        assertTrue(http.err().contains("--token-uri"), http.err());

        Run badScheme = run(Map.of("SALESFORCE_CLIENT_SECRET", "s"), "account-linking",
                "--token-uri", "https://x.example/token", "--client-id", "k", "--scheme", "BEARER");
        assertEquals(LocalRunner.USAGE, badScheme.status());

        Run noSecretOption = run(Map.of("SALESFORCE_CLIENT_SECRET", "s"), "account-linking", "--client-secret", "x");
        assertEquals(LocalRunner.USAGE, noSecretOption.status(), "the secret is never a command-line option");
    }

    @Test
    void helpExplainsTheAskCliStep() {
        Run help = run(Map.of(), "account-linking", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("ask smapi update-account-linking-info"));
    }
}
