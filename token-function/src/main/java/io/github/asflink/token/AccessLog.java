package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One JSON line per request. It names what happened and never carries a value from the request body or headers, so no
 * secret can reach CloudWatch. With Lambda's JSON log format the line becomes the record's {@code message}.
 */
final class AccessLog {

    /** On every line while {@code ALLOWED_CLIENT_IDS=*}, so an admin reading any request sees the endpoint is open. */
    static final String ANY_CLIENT_WARNING = "ALLOWED_CLIENT_IDS is *: any client id is passed on to Salesforce";

    private AccessLog() {
    }

    static void write(LambdaLogger logger, String awsRequestId, String apiRequestId, TokenExchange.Result result,
            long latencyMillis, boolean anyClient) {
        StringWriter out = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            json.name("event").value("token_request");
            json.name("requestId").value(awsRequestId);
            json.name("apiRequestId").value(apiRequestId);
            json.name("grantType").value(result.grantType());
            json.name("clientAuth").value(result.clientAuth() == null ? null
                    : result.clientAuth().name().toLowerCase(java.util.Locale.ROOT));
            json.name("outcome").value(result.outcome().logName());
            json.name("status").value(result.response().statusCode());
            if (result.upstream() != null) {
                json.name("upstreamStatus").value(result.upstream().upstreamStatus());
                json.name("upstreamLatencyMs").value(result.upstream().latencyMillis());
            }
            json.name("latencyMs").value(latencyMillis);
            if (result.note() != null) {
                json.name("note").value(result.note());
            }
            if (anyClient) {
                json.name("warning").value(ANY_CLIENT_WARNING);
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        logger.log(out.toString(), level(result.outcome()));
    }

    private static LogLevel level(TokenExchange.Outcome outcome) {
        return switch (outcome) {
            case GRANTED -> LogLevel.INFO;
            case UPSTREAM_FAILURE, INTERNAL_ERROR -> LogLevel.ERROR;
            case REJECTED, SALESFORCE_ERROR -> LogLevel.WARN;
        };
    }
}
