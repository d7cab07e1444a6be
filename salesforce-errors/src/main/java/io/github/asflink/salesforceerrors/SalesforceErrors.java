package io.github.asflink.salesforceerrors;

/**
 * The failure answers of Salesforce's three APIs the project talks to, in the shapes Salesforce really uses:
 * <ul>
 *   <li>the <b>OAuth token endpoint</b> ({@code /services/oauth2/token}): {@code {"error":..,"error_description":..}}
 *       with {@code 400} for every grant problem;</li>
 *   <li>the <b>identity service</b> ({@code /services/oauth2/userinfo}): a plain-text code, {@code 403
 *       Bad_OAuth_Token} for a dead token (see {@link IdentityError});</li>
 *   <li>the <b>data API</b> ({@code /services/data/...}): a JSON <em>array</em> of {@code {"message","errorCode"}},
 *       {@code 401 INVALID_SESSION_ID} for a dead token.</li>
 * </ul>
 * Messages are Salesforce's own wording where it is known.
 */
public final class SalesforceErrors {

    static final String JSON = "application/json;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";
    private static final String[] NO_FIELDS = {};

    private SalesforceErrors() {
    }

    // ---- OAuth token endpoint ---------------------------------------------------------------------------------

    /** An OAuth error from the token endpoint. */
    public static SalesforceErrorAnswer oauth(int status, String error, String description) {
        return new SalesforceErrorAnswer(status, JSON,
                "{\"error\":\"" + json(error) + "\",\"error_description\":\"" + json(description) + "\"}");
    }

    /** A refresh token (or code) that expired or was revoked: permanent, Alexa drops the link. */
    public static SalesforceErrorAnswer expiredGrant() {
        return oauth(400, "invalid_grant", "expired access/refresh token");
    }

    /** An authorization code that was used already or is too old. */
    public static SalesforceErrorAnswer expiredCode() {
        return oauth(400, "invalid_grant", "authorization code expired");
    }

    /** A code exchanged without the {@code code_verifier} its {@code code_challenge} requires (PKCE). */
    public static SalesforceErrorAnswer missingCodeVerifier() {
        return oauth(400, "invalid_grant", "invalid code verifier");
    }

    /** A {@code redirect_uri} that does not match the one the code was issued for. */
    public static SalesforceErrorAnswer redirectUriMismatch() {
        return oauth(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
    }

    /** A consumer key the org does not know. */
    public static SalesforceErrorAnswer unknownClient() {
        return oauth(400, "invalid_client_id", "client identifier invalid");
    }

    /** A known consumer key with the wrong secret. */
    public static SalesforceErrorAnswer wrongClientSecret() {
        return oauth(400, "invalid_client", "invalid client credentials");
    }

    public static SalesforceErrorAnswer unsupportedGrantType() {
        return oauth(400, "unsupported_grant_type", "grant type not supported");
    }

    // ---- identity service ------------------------------------------------------------------------------------

    /** What userinfo answers for a dead access token. */
    public static SalesforceErrorAnswer identityBadToken() {
        return IdentityError.BAD_OAUTH_TOKEN.answer();
    }

    /** What userinfo answers when no access token was sent. */
    public static SalesforceErrorAnswer identityMissingToken() {
        return IdentityError.MISSING_OAUTH_TOKEN.answer();
    }

    /**
     * What userinfo answers a live access token that lacks the {@code id} (or {@code openid}) scope. Salesforce's
     * exact code here is unconfirmed; it is a {@code 403} whose body is neither token code, so a client must read it
     * as "forbidden", never as a dead token.
     */
    public static SalesforceErrorAnswer identityScopeMissing() {
        return new SalesforceErrorAnswer(403, TEXT, "Insufficient_Scope");
    }

    // ---- data API --------------------------------------------------------------------------------------------

    /** A data API error: a JSON array with one {@code {"message","errorCode"}}. */
    public static SalesforceErrorAnswer data(int status, String errorCode, String message) {
        return new SalesforceErrorAnswer(status, JSON,
                "[{\"message\":\"" + json(message) + "\",\"errorCode\":\"" + json(errorCode) + "\"}]");
    }

    /** A data API error about some fields (validation rules, required fields). */
    public static SalesforceErrorAnswer data(int status, String errorCode, String message, String... fields) {
        StringBuilder names = new StringBuilder();
        for (String field : fields) {
            names.append(names.isEmpty() ? "" : ",").append('"').append(json(field)).append('"');
        }
        return new SalesforceErrorAnswer(status, JSON, "[{\"message\":\"" + json(message) + "\",\"errorCode\":\""
                + json(errorCode) + "\",\"fields\":[" + names + "]}]");
    }

    /** What the data API answers for a dead (expired or revoked) access token, or none. */
    public static SalesforceErrorAnswer dataInvalidSession() {
        return data(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    /** A REST path the API does not have. */
    public static SalesforceErrorAnswer notFound() {
        return data(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** A field the org does not have (for example {@code CurrencyIsoCode} in a single-currency org). */
    public static SalesforceErrorAnswer invalidField(String field, String object) {
        return data(400, "INVALID_FIELD", "No such column '" + field + "' on entity '" + object + "'. If you are "
                + "attempting to use a custom field, be sure to append the '__c' after the custom field name. Please "
                + "reference your WSDL or the describe call for the appropriate names.");
    }

    /** A query Salesforce cannot parse. */
    public static SalesforceErrorAnswer malformedQuery(String message) {
        return data(400, "MALFORMED_QUERY", message);
    }

    /** The user may not do this to the record (sharing, profile). */
    public static SalesforceErrorAnswer insufficientAccess() {
        return data(400, "INSUFFICIENT_ACCESS_OR_READONLY",
                "insufficient access rights on object id");
    }

    // ---- data API: record writes (PATCH and POST on /sobjects), each error with its "fields" list ----------------

    /** A write the user may not make (a read-only profile, or no edit access to the record). */
    public static SalesforceErrorAnswer insufficientAccessToRecord() {
        return data(400, "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id", NO_FIELDS);
    }

    /** An admin's validation rule refused the write; {@code message} is the rule's error text. */
    public static SalesforceErrorAnswer fieldCustomValidation(String message, String... fields) {
        return data(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", message, fields);
    }

    /** The record is locked (an approval process in progress). */
    public static SalesforceErrorAnswer entityIsLocked() {
        return data(400, "ENTITY_IS_LOCKED", "the entity is locked for editing", NO_FIELDS);
    }

    /** A value outside a restricted picklist, named by the field's label as Salesforce does ("Stage: bad value..."). */
    public static SalesforceErrorAnswer restrictedPicklist(String label, String field, String value) {
        return data(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                label + ": bad value for restricted picklist field: " + value, field);
    }

    /** A request body that is not the JSON the API expects; {@code detail} says where it went wrong. */
    public static SalesforceErrorAnswer jsonParserError(String detail) {
        return data(400, "JSON_PARSER_ERROR", detail);
    }

    /** A body naming a field the object does not have. */
    public static SalesforceErrorAnswer noSuchColumnOnWrite(String field, String object) {
        return data(400, "INVALID_FIELD", "No such column '" + field + "' on sobject of type " + object);
    }

    /** A body setting a field nobody may set (a formula, a system field such as {@code IsClosed}). */
    public static SalesforceErrorAnswer readOnlyField(String field) {
        return data(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field + ". Please "
                + "check the security settings of this field and verify that it is read/write for your profile or "
                + "permission set.", field);
    }

    /** A text value longer than its field allows. */
    public static SalesforceErrorAnswer stringTooLong(String label, String field, String value, int maxLength) {
        return data(400, "STRING_TOO_LONG", label + ": data value too large: " + value + " (max length=" + maxLength
                + ")", field);
    }

    /** A create without a value for a required field. */
    public static SalesforceErrorAnswer requiredFieldMissing(String field) {
        return data(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field + "]", field);
    }

    /** A lookup field given an id of the wrong object (or of no record); {@code label} is the field's label. */
    public static SalesforceErrorAnswer idOfIncorrectType(String label, String field, String value) {
        return data(400, "FIELD_INTEGRITY_EXCEPTION", label + ": id value of incorrect type: " + value, field);
    }

    /** An object the API cannot create or update ({@code operation} is "inserted" or "updated"). */
    public static SalesforceErrorAnswer entityCannotBe(String operation, String object) {
        return data(400, "INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + operation + ": " + object);
    }

    /** The org's edition has no API access. */
    public static SalesforceErrorAnswer apiDisabledForOrg() {
        return data(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.");
    }

    /** The user's profile lacks the "API Enabled" permission. */
    public static SalesforceErrorAnswer apiDisabledForUser() {
        return data(403, "API_CURRENTLY_DISABLED", "API is disabled for this User");
    }

    /** Too many API requests in the org's 24-hour window. */
    public static SalesforceErrorAnswer requestLimitExceeded() {
        return data(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    /** An unexpected server error. */
    public static SalesforceErrorAnswer unknownException() {
        return data(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you "
                + "contact support: 1234567890-12345 (-1234567890)");
    }

    /** Salesforce in maintenance or overloaded. */
    public static SalesforceErrorAnswer serverUnavailable() {
        return data(503, "SERVER_UNAVAILABLE", "Server is unavailable. Please try again later.");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
