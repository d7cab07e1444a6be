package io.github.asflink.salesforceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SalesforceErrorsTest {

    @Test
    void identityServiceAnswersADeadTokenWith403AndAPlainTextCode() {
        SalesforceErrorAnswer answer = SalesforceErrors.identityBadToken();
        assertEquals(403, answer.status());
        assertTrue(answer.contentType().startsWith("text/plain"));
        assertEquals("Bad_OAuth_Token", answer.body());
        assertEquals("Missing_OAuth_Token", SalesforceErrors.identityMissingToken().body());
        assertEquals(403, SalesforceErrors.identityMissingToken().status());
    }

    @Test
    void aMissingScopeIsAnother403ThatIsNotATokenCode() {
        SalesforceErrorAnswer answer = SalesforceErrors.identityScopeMissing();
        assertEquals(403, answer.status());
        assertTrue(answer.contentType().startsWith("text/plain"));
        for (IdentityError error : IdentityError.values()) {
            if (error.meansDeadToken()) {
                assertFalse(answer.body().equals(error.code()), "must not read as a dead token: " + error);
            }
        }
        assertTrue(answer.body().matches("[A-Za-z_]+"), "a plain-text code: " + answer.body());
    }

    @Test
    void anUnknownPathIsADataApiNotFound() {
        assertEquals(404, SalesforceErrors.notFound().status());
        assertEquals("[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]",
                SalesforceErrors.notFound().body());
    }

    @Test
    void onlyTheTwoTokenCodesMeanADeadToken() {
        for (IdentityError error : IdentityError.values()) {
            assertEquals(error == IdentityError.BAD_OAUTH_TOKEN || error == IdentityError.MISSING_OAUTH_TOKEN,
                    error.meansDeadToken(), error.name());
        }
        assertFalse(IdentityError.WRONG_ORG.meansDeadToken());
    }

    @Test
    void dataApiAnswersADeadTokenWith401AndAJsonArray() {
        SalesforceErrorAnswer answer = SalesforceErrors.dataInvalidSession();
        assertEquals(401, answer.status());
        assertTrue(answer.contentType().startsWith("application/json"));
        assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]",
                answer.body());
    }

    @Test
    void dataErrorsWithFieldsListThem() {
        assertEquals("[{\"message\":\"Close Date is required\",\"errorCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\","
                        + "\"fields\":[\"CloseDate\"]}]",
                SalesforceErrors.data(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Close Date is required",
                        "CloseDate").body());
    }

    @Test
    void tokenEndpointErrorsAreOAuthObjects() {
        SalesforceErrorAnswer answer = SalesforceErrors.expiredGrant();
        assertEquals(400, answer.status());
        assertEquals("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}",
                answer.body());
    }

    @Test
    void textIsEscapedForJson() {
        assertEquals("[{\"message\":\"a \\\"quoted\\\" \\\\ line\\nnext\",\"errorCode\":\"X\"}]",
                SalesforceErrors.data(400, "X", "a \"quoted\" \\ line\nnext").body());
    }
}
