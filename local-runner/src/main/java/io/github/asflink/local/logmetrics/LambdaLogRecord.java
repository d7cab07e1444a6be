package io.github.asflink.local.logmetrics;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's log line as CloudWatch stores it under {@code LoggingConfig: LogFormat: JSON}: the Java runtime
 * interface client's {@code JsonLogFormatter} serialises {@code timestamp}, {@code message} (the line, a string),
 * {@code level} and {@code AWSRequestId} with Gson, so a JSON line arrives as an escaped string, not as an object.
 */
public final class LambdaLogRecord {
    private static final Gson GSON = new GsonBuilder().create();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LambdaLogRecord() {
    }

    /** The record for one line written with {@code LambdaLogger.log(line, level)}. */
    public static String of(String line, String level, String awsRequestId, Instant at) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("timestamp", TIMESTAMP.format(at));
        record.put("message", line);
        record.put("level", level);
        record.put("AWSRequestId", awsRequestId);
        return GSON.toJson(record);
    }
}
