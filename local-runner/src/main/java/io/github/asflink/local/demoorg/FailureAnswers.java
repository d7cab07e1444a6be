package io.github.asflink.local.demoorg;

import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.local.Http;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Puts one of Salesforce's failure answers on the wire: its status, its content type, its body byte for byte. */
final class FailureAnswers {
    private FailureAnswers() {
    }

    static void send(HttpExchange exchange, SalesforceErrorAnswer answer) throws IOException {
        Http.send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
