package io.github.asflink.local.demoorg;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;

/** A token-endpoint refusal, carrying the answer Salesforce gives ({@code {"error","error_description"}}). */
final class OAuthFailure extends Exception {
    private final transient SalesforceErrorAnswer answer;

    OAuthFailure(SalesforceErrorAnswer answer) {
        super("OAuth error, HTTP " + answer.status());
        this.answer = answer;
    }

    SalesforceErrorAnswer answer() {
        return answer;
    }
}
