package io.github.asflink.token;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * One form POST to Salesforce. An interface so the SnapStart priming and the tests can run the real request path
 * against an in-memory answer, without a network.
 */
interface SalesforceTransport {

    /** Salesforce's answer: its status and body (the content type is not needed: every body is read as JSON). */
    record Reply(int status, String body) {
        @Override
        public String toString() {
            return "Reply[status=" + status + "]"; // the body holds tokens
        }
    }

    /**
     * Sends the form and reads the whole answer, all within {@code timeout}.
     *
     * @throws Incomplete  when no complete answer arrived: too late, or the connection failed
     * @throws IOException when Salesforce could not be reached (other transports)
     */
    Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException, InterruptedException;

    /**
     * No complete answer: the deadline passed ({@code timedOut}) or the connection broke first. Carries the status
     * line when the headers had arrived, so the log tells a slow body from a silent server.
     */
    final class Incomplete extends IOException {
        private final boolean timedOut;
        private final int statusSeen;

        Incomplete(boolean timedOut, int statusSeen, Throwable cause) {
            super(timedOut ? "no complete answer before the deadline" : "the connection failed", cause);
            this.timedOut = timedOut;
            this.statusSeen = statusSeen;
        }

        boolean timedOut() {
            return timedOut;
        }

        /** The HTTP status of the headers that arrived, or 0 when none did. */
        int statusSeen() {
            return statusSeen;
        }
    }
}
