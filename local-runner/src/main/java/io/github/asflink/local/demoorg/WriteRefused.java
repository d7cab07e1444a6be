package io.github.asflink.local.demoorg;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;

/** A record write the demo org refuses, with the answer Salesforce gives. */
final class WriteRefused extends Exception {
    private final transient SalesforceErrorAnswer answer;

    WriteRefused(SalesforceErrorAnswer answer) {
        super(answer.status() + " " + answer.body(), null, false, false);
        this.answer = answer;
    }

    SalesforceErrorAnswer answer() {
        return answer;
    }
}
