package io.github.asflink.salesforceerrors;

import java.util.Objects;

/**
 * One failure answer as Salesforce puts it on the wire.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type} header Salesforce sends with it
 * @param body        the body, byte for byte as Salesforce sends it (UTF-8)
 */
public record SalesforceErrorAnswer(int status, String contentType, String body) {

    public SalesforceErrorAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
