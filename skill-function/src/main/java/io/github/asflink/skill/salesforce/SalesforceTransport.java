package io.github.asflink.skill.salesforce;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** Sends one request to Salesforce. Production uses {@link HttpTransport}; SnapStart priming answers in memory. */
interface SalesforceTransport {

    /** The status and body of a reply; a failed future for a connection problem. */
    record Reply(int status, String body) {
    }

    CompletableFuture<Reply> send(HttpRequest request);
}
