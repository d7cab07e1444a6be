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

    @Test
    void recordWriteRefusalsCarryTheirFieldsAsSalesforceSendsThem() {
        assertEquals("[{\"message\":\"insufficient access rights on object id\","
                + "\"errorCode\":\"INSUFFICIENT_ACCESS_OR_READONLY\",\"fields\":[]}]",
                SalesforceErrors.insufficientAccessToRecord().body());
        assertEquals("[{\"message\":\"Enter an amount first.\",\"errorCode\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\","
                + "\"fields\":[]}]", SalesforceErrors.fieldCustomValidation("Enter an amount first.").body());
        assertEquals("[{\"message\":\"the entity is locked for editing\",\"errorCode\":\"ENTITY_IS_LOCKED\","
                + "\"fields\":[]}]", SalesforceErrors.entityIsLocked().body());
        assertEquals("[{\"message\":\"Stage: bad value for restricted picklist field: Won\","
                + "\"errorCode\":\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST\",\"fields\":[\"StageName\"]}]",
                SalesforceErrors.restrictedPicklist("Stage", "StageName", "Won").body());
        assertEquals("[{\"message\":\"Unable to create/update fields: IsClosed. Please check the security settings"
                + " of this field and verify that it is read/write for your profile or permission set.\","
                + "\"errorCode\":\"INVALID_FIELD_FOR_INSERT_UPDATE\",\"fields\":[\"IsClosed\"]}]",
                SalesforceErrors.readOnlyField("IsClosed").body());
        assertEquals("[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"fields\":[\"Name\"]}]", SalesforceErrors.requiredFieldMissing("Name").body());
        assertEquals("[{\"message\":\"Related To ID: id value of incorrect type: 003x\","
                + "\"errorCode\":\"FIELD_INTEGRITY_EXCEPTION\",\"fields\":[\"WhatId\"]}]",
                SalesforceErrors.idOfIncorrectType("Related To ID", "WhatId", "003x").body());
        for (SalesforceErrorAnswer answer : new SalesforceErrorAnswer[] {SalesforceErrors.insufficientAccessToRecord(),
            SalesforceErrors.fieldCustomValidation("x"), SalesforceErrors.entityIsLocked(),
            SalesforceErrors.restrictedPicklist("Type", "Type", "Call"), SalesforceErrors.jsonParserError("x"),
            SalesforceErrors.noSuchColumnOnWrite("Bogus", "Task"), SalesforceErrors.readOnlyField("Name"),
            SalesforceErrors.requiredFieldMissing("Name"), SalesforceErrors.idOfIncorrectType("a", "b", "c"),
            SalesforceErrors.entityCannotBe("inserted", "Organization"),
            SalesforceErrors.stringTooLong("Subject", "Subject", "x", 1)}) {
            assertEquals(400, answer.status(), answer.body());
            assertTrue(answer.contentType().startsWith("application/json"));
            assertTrue(answer.body().startsWith("[{\"message\":\""), answer.body());
        }
    }

    @Test
    void bodyErrorsNameTheColumnTheObjectAndTheParserProblem() {
        assertEquals("[{\"message\":\"No such column 'Bogus' on sobject of type Task\","
                + "\"errorCode\":\"INVALID_FIELD\"}]", SalesforceErrors.noSuchColumnOnWrite("Bogus", "Task").body());
        assertEquals("[{\"message\":\"Unexpected character\",\"errorCode\":\"JSON_PARSER_ERROR\"}]",
                SalesforceErrors.jsonParserError("Unexpected character").body());
        assertEquals("[{\"message\":\"entity type cannot be updated: OpportunityStage\","
                + "\"errorCode\":\"INVALID_TYPE_FOR_OPERATION\"}]",
                SalesforceErrors.entityCannotBe("updated", "OpportunityStage").body());
        assertEquals("[{\"message\":\"Subject: data value too large: abc (max length=2)\","
                + "\"errorCode\":\"STRING_TOO_LONG\",\"fields\":[\"Subject\"]}]",
                SalesforceErrors.stringTooLong("Subject", "Subject", "abc", 2).body());
    }
}
