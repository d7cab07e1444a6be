package io.github.asflink.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Baseline: the cheapest Lambda function, launched exactly like the real ones. Its cold start is what the JVM plus the
 * runtime interface client cost; the budgets are ratios to it.
 */
public final class TrivialHandler implements RequestStreamHandler {
    private static final byte[] ANSWER = "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(ANSWER);
    }
}
