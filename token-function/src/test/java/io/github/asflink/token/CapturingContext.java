package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** A Lambda context whose logger keeps every line, so tests can read what would reach CloudWatch. */
final class CapturingContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final CapturingLogger logger = new CapturingLogger();
    private final long deadlineMillis;

    /** An invocation with five seconds left, the function's timeout in the template. */
    CapturingContext() {
        this(5000);
    }

    /** An invocation with {@code remainingMillis} left, counting down as Lambda's does. */
    CapturingContext(int remainingMillis) {
        this.deadlineMillis = System.currentTimeMillis() + remainingMillis;
    }

    static final class CapturingLogger implements LambdaLogger {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final List<LogLevel> levels = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            lines.add(message);
            levels.add(level);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        List<LogLevel> levels() {
            return List.copyOf(levels);
        }
    }

    CapturingLogger capturedLogger() {
        return logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/TokenFunction";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/01/[1]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "TokenFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:TokenFunction:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
