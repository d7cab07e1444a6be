package io.github.asflink.skill;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda context whose logger keeps every line, with its level, so tests can read what the function logged. The one
 * test context of this module (public for the tests of the other packages).
 */
public final class CapturingContext implements Context, LambdaLogger {

    record Line(LogLevel level, String text) {
    }

    private final String requestId;
    private final int remainingMs;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    CapturingContext(String requestId) {
        this(requestId, 7000);
    }

    /** @param remainingMs what Lambda reports as left of this invocation (the function's timeout is 7 s) */
    public CapturingContext(String requestId, int remainingMs) {
        this.requestId = requestId;
        this.remainingMs = remainingMs;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    String allText() {
        StringBuilder all = new StringBuilder();
        lines.forEach(line -> all.append(line.text()).append('\n'));
        return all.toString();
    }

    @Override
    public void log(String message) {
        lines.add(new Line(LogLevel.UNDEFINED, message));
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        lines.add(new Line(level, message));
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/SkillFunction";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/01/[live]test";
    }

    @Override
    public String getFunctionName() {
        return "SkillFunction";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:SkillFunction:live";
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
        return remainingMs;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }
}
