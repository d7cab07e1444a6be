package io.github.asflink.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function, loaded in-process from the handler class the template names, constructed once with its computed
 * environment (the public {@code (Map<String,String>)} constructor; the no-arg one otherwise) and shared by
 * concurrent invocations, like one warm execution environment that never queues. Each invocation gets its own
 * {@link LocalContext} and is cut off at the template's {@code Timeout}.
 */
public final class LocalFunction {
    /** What an invocation produced: the output bytes, or the failure (thrown, or timed out). */
    public record Invocation(String requestId, byte[] output, String errorType, String errorMessage,
                             Duration duration) {
        public boolean failed() {
            return errorType != null;
        }

        /** Lambda's error payload: {@code {"errorMessage": ..., "errorType": ...}}. */
        public String errorJson() {
            Map<String, String> error = new java.util.LinkedHashMap<>();
            error.put("errorMessage", errorMessage);
            error.put("errorType", errorType);
            return Http.GSON.toJson(error);
        }
    }

    private final SamTemplate.FunctionDefinition definition;
    private final RequestStreamHandler handler;
    private final Clock clock;
    private final PrintStream log;
    private final LocalContext.LineTap tap;

    private LocalFunction(SamTemplate.FunctionDefinition definition, RequestStreamHandler handler, Clock clock,
                          PrintStream log, LocalContext.LineTap tap) {
        this.definition = definition;
        this.handler = handler;
        this.clock = clock;
        this.log = log;
        this.tap = tap;
    }

    /** Loads and constructs the handler; fails with a readable message when it can't. */
    public static LocalFunction load(SamTemplate.FunctionDefinition definition, Map<String, String> environment,
                                     Clock clock, PrintStream log) {
        return load(definition, environment, clock, log, LocalContext.LineTap.NONE);
    }

    /** As {@link #load(SamTemplate.FunctionDefinition, Map, Clock, PrintStream)}; {@code tap} sees each log line. */
    static LocalFunction load(SamTemplate.FunctionDefinition definition, Map<String, String> environment,
                              Clock clock, PrintStream log, LocalContext.LineTap tap) {
        String className = definition.handlerClass();
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + className
                    + " is not on the classpath (build it first: ./asl serve builds everything)");
        }
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(definition.logicalId() + ": " + className
                    + " is not a RequestStreamHandler; the local runner runs stream handlers only");
        }
        try {
            Object instance;
            try {
                Constructor<?> withEnvironment = type.getConstructor(Map.class);
                instance = withEnvironment.newInstance(environment);
            } catch (NoSuchMethodException e) {
                log.println("local: " + className + " has no (Map<String,String>) constructor; it reads the process"
                        + " environment, not the template's");
                instance = type.getConstructor().newInstance();
            }
            return new LocalFunction(definition, (RequestStreamHandler) instance, clock, log, tap);
        } catch (InvocationTargetException e) {
            // The function's own start-up check (a bad configuration value): its message names the variable.
            Throwable cause = e.getCause();
            throw new IllegalStateException(definition.logicalId() + " failed to start: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.logicalId() + ": cannot construct " + className + ": " + e);
        }
    }

    public SamTemplate.FunctionDefinition definition() {
        return definition;
    }

    /** Runs one event, as the Lambda Java runtime runs a stream handler: raw bytes in, raw bytes out. */
    public Invocation invoke(byte[] event) {
        LocalContext context = new LocalContext(definition.logicalId(), definition.memoryMb(),
                definition.timeoutSeconds(), clock, log, tap);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        long start = System.nanoTime();
        FutureTask<Void> task = new FutureTask<>(() -> {
            handler.handleRequest(new ByteArrayInputStream(event), output, context);
            return null;
        });
        Thread.ofVirtual().name(definition.logicalId() + "-" + context.getAwsRequestId()).start(task);
        String errorType = null;
        String errorMessage = null;
        try {
            task.get(definition.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            errorType = "Sandbox.Timedout";
            errorMessage = String.format("%s Task timed out after %d.00 seconds", context.getAwsRequestId(),
                    definition.timeoutSeconds());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            errorType = cause.getClass().getName();
            errorMessage = cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            errorType = "Interrupted";
            errorMessage = "the local runner was interrupted";
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        log.printf("local: %s %s %s in %d ms%n", definition.logicalId(), context.getAwsRequestId(),
                errorType == null ? "ok" : "failed (" + errorType + ")", duration.toMillis());
        return new Invocation(context.getAwsRequestId(), errorType == null ? output.toByteArray() : null, errorType,
                errorMessage, duration);
    }
}
