package io.github.asflink.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test-only functions for the invocation plumbing (named as Handler in the test templates). */
final class TestHandlers {
    private TestHandlers() {
    }

    /** Answers 200 with the event it got, the environment and the context, as JSON in the body. */
    public static final class Echo implements RequestStreamHandler {
        private final Map<String, String> environment;

        public Echo(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            JsonObject body = new JsonObject();
            body.addProperty("event", new String(input.readAllBytes(), StandardCharsets.UTF_8));
            body.add("environment", Http.GSON.toJsonTree(environment));
            body.addProperty("requestId", context.getAwsRequestId());
            body.addProperty("functionName", context.getFunctionName());
            body.addProperty("memory", context.getMemoryLimitInMB());
            body.addProperty("remainingMs", context.getRemainingTimeInMillis());
            context.getLogger().log("echo handler ran");
            JsonObject response = new JsonObject();
            response.addProperty("statusCode", 200);
            JsonObject headers = new JsonObject();
            headers.addProperty("Content-Type", "application/json");
            headers.addProperty("X-Echo", "yes");
            response.add("headers", headers);
            response.addProperty("body", body.toString());
            response.addProperty("isBase64Encoded", false);
            output.write(response.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Throws, as a function with a bug does. */
    public static final class Failing implements RequestStreamHandler {
        public Failing(Map<String, String> environment) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** Returns an API Gateway response with status 502 and a base64 body. */
    public static final class BadGateway implements RequestStreamHandler {
        public BadGateway(Map<String, String> environment) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(("{\"statusCode\":502,\"headers\":{\"Content-Type\":\"text/plain\"},"
                    + "\"body\":\"dXBzdHJlYW0gZG93bg==\",\"isBase64Encoded\":true}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sleeps past any sensible timeout. */
    public static final class Slow implements RequestStreamHandler {
        public Slow(Map<String, String> environment) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            output.write("{}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
