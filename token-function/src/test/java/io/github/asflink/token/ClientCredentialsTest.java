package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The credentials' text form, which ends up wherever a value is printed: the secret never does. */
class ClientCredentialsTest {

    @Test
    void toStringNamesTheClientAndSchemeAndRedactsTheSecret() {
        ClientCredentials credentials = new ClientCredentials("3MVG9client", "s3cret-value",
                ClientCredentials.Scheme.HTTP_BASIC);
        String text = credentials.toString();
        assertEquals("ClientCredentials[clientId=3MVG9client, scheme=HTTP_BASIC, secret=<redacted>]", text);
        assertFalse(text.contains("s3cret-value"), text);
    }

    @Test
    void toStringSaysWhenThereIsNoSecret() {
        assertEquals("ClientCredentials[clientId=3MVG9client, scheme=REQUEST_BODY, secret=none]",
                new ClientCredentials("3MVG9client", null, ClientCredentials.Scheme.REQUEST_BODY).toString());
    }
}
