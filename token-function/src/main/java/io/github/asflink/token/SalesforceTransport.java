package io.github.asflink.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One form POST to Salesforce. An interface so the SnapStart priming and the benchmark can run the real request path
 * against an in-memory answer, without a network.
 */
interface SalesforceTransport {

    record Reply(int status, String contentType, String body) {
        @Override
        public String toString() {
            return "Reply[status=" + status + ", contentType=" + contentType + "]"; // the body holds tokens
        }
    }

    /**
     * @throws HttpTimeoutException when Salesforce did not answer within {@code timeout}
     * @throws IOException          when Salesforce could not be reached
     */
    Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException, InterruptedException;
}
