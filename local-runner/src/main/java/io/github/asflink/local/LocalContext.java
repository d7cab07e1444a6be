package io.github.asflink.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The Lambda {@code Context} of one local invocation: a fresh request id, the deadline, and a logger to stderr. */
final class LocalContext implements Context {
    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final int memoryMb;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    /** Sees each line the function logs, with its level (as the JSON log format records it) and the request id. */
    interface LineTap {
        LineTap NONE = (line, level, requestId) -> { };

        void line(String line, String level, String requestId);
    }

    LocalContext(String functionName, int memoryMb, int timeoutSeconds, Clock clock, PrintStream log) {
        this(functionName, memoryMb, timeoutSeconds, clock, log, LineTap.NONE);
    }

    LocalContext(String functionName, int memoryMb, int timeoutSeconds, Clock clock, PrintStream log, LineTap tap) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.clock = clock;
        this.deadline = clock.instant().plusSeconds(timeoutSeconds);
        this.logger = new StderrLogger(log, tap, requestId);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                + "/[$LATEST]local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
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
        return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Writes each message as one line to stderr, as the runtime writes it to CloudWatch. */
    private record StderrLogger(PrintStream out, LineTap tap, String requestId) implements LambdaLogger {
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
            String line = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
            out.println(line);
            tap.line(line, level.name(), requestId);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(new String(message, StandardCharsets.UTF_8), level);
        }
    }
}
