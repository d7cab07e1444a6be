package io.github.asflink.local.demoorg;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;

/** A query the demo org rejects, with the answer Salesforce gives (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
final class SoqlException extends Exception {
    private final String errorCode;
    private final transient SalesforceErrorAnswer answer;

    private SoqlException(String errorCode, SalesforceErrorAnswer answer) {
        super(errorCode);
        this.errorCode = errorCode;
        this.answer = answer;
    }

    static SoqlException malformed(String message) {
        return new SoqlException("MALFORMED_QUERY", SalesforceErrors.malformedQuery(message));
    }

    /** A field the object does not have, such as {@code CurrencyIsoCode} in a single-currency org. */
    static SoqlException noSuchField(String field, String object) {
        return new SoqlException("INVALID_FIELD", SalesforceErrors.invalidField(field, object));
    }

    /** A filter value of the wrong type for its field. */
    static SoqlException invalidFilter(String message) {
        return new SoqlException("INVALID_FIELD", SalesforceErrors.data(400, "INVALID_FIELD", message));
    }

    static SoqlException invalidType(String object) {
        return new SoqlException("INVALID_TYPE", SalesforceErrors.data(400, "INVALID_TYPE", "sObject type '" + object
                + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after"
                + " the entity name. Please reference your WSDL or the describe call for the appropriate names."));
    }

    String errorCode() {
        return errorCode;
    }

    SalesforceErrorAnswer answer() {
        return answer;
    }
}
