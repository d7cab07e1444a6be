package io.github.asflink.local.logmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.SamTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lambda record, the transformer and the metric filters, on a small template. */
class LogTransformerTest {
    private static final String TEMPLATE = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: x.Y::handleRequest}
              FnLogGroup:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /aws/lambda/${Fn}
              FnTransformer:
                Type: AWS::Logs::Transformer
                Properties:
                  LogGroupIdentifier: !Ref FnLogGroup
                  TransformerConfig:
                    - ParseJSON: {}
                    - ParseJSON: {Source: message, Destination: line}
              Latency:
                Type: AWS::Logs::MetricFilter
                Properties:
                  LogGroupName: !Ref FnLogGroup
                  ApplyOnTransformedLogs: true
                  FilterPattern: '{ $.line.ms >= 0 }'
                  MetricTransformations:
                    - {MetricNamespace: !Sub "App/${AWS::StackName}", MetricName: Latency, MetricValue: $.line.ms,
                       Unit: Milliseconds}
              Requests:
                Type: AWS::Logs::MetricFilter
                Properties:
                  LogGroupName: !Ref FnLogGroup
                  ApplyOnTransformedLogs: true
                  FilterPattern: '{ $.line.outcome = "*" }'
                  MetricTransformations:
                    - MetricNamespace: App
                      MetricName: Requests
                      MetricValue: "1"
                      Dimensions: [{Key: Outcome, Value: $.line.outcome}]
            """;
    private static final Instant AT = Instant.parse("2026-12-02T05:00:00.123Z");

    @Test
    void theRecordHoldsTheLineAsAStringAsTheJavaRuntimeWritesIt() {
        String record = LambdaLogRecord.of("{\"outcome\":\"granted\"}", "INFO", "req-1", AT);
        assertEquals("{\"timestamp\":\"2026-12-02T05:00:00.123Z\",\"message\":\"{\\\"outcome\\\":\\\"granted\\\"}\","
                + "\"level\":\"INFO\",\"AWSRequestId\":\"req-1\"}", record);
    }

    @Test
    void theTransformerParsesTheMessageIntoLine() {
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        LogTransformer transformer = LogTransformer.from(template).get("FnLogGroup");
        assertEquals(List.of(new LogTransformer.Step(null, null), new LogTransformer.Step("message", "line")),
                transformer.steps());
        JsonObject event = transformer.apply(LambdaLogRecord.of("{\"outcome\":\"granted\",\"ms\":7}", "INFO", "r", AT));
        assertEquals("granted", event.getAsJsonObject("line").get("outcome").getAsString());
        assertEquals("INFO", event.get("level").getAsString());
        JsonObject text = transformer.apply(LambdaLogRecord.of("plain text", "WARN", "r", AT));
        assertFalse(text.has("line"), "a message that is not JSON stays as it is");
        assertNull(transformer.apply("not json"));
    }

    @Test
    void filtersPublishDimensionsAndNumbersOrNothing() {
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        List<MetricFilter> filters = MetricFilter.from(template);
        assertEquals("App/local", filters.get(0).namespace());
        assertEquals("FnLogGroup", filters.get(0).logGroup());
        assertTrue(filters.get(0).transformed());
        JsonObject line = JsonParser.parseString("{\"line\":{\"outcome\":\"granted\",\"ms\":12}}").getAsJsonObject();
        assertEquals(12.0, filters.get(0).apply(line).orElseThrow().value());
        assertEquals(java.util.Map.of("Outcome", "granted"), filters.get(1).apply(line).orElseThrow().dimensions());
        JsonObject text = JsonParser.parseString("{\"line\":{\"outcome\":\"granted\",\"ms\":\"12\"}}")
                .getAsJsonObject();
        assertTrue(filters.get(0).apply(text).isEmpty(), "a latency that is not a number publishes nothing");
    }

    @Test
    void sessionMetricsCountAndSummariseByFunction() {
        SessionMetrics metrics = SessionMetrics.from(SamTemplate.parse(TEMPLATE), Clock.fixed(AT, ZoneOffset.UTC));
        assertEquals("FnLogGroup", metrics.logGroupOf("Fn"));
        assertTrue(metrics.render().startsWith("no metric data yet"));
        for (int ms : new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}) {
            metrics.record("Fn", "{\"outcome\":\"granted\",\"ms\":" + ms + "}", "INFO", "r");
        }
        metrics.record("Fn", "{\"outcome\":\"rejected\"}", "WARN", "r");
        metrics.record("Other", "{\"outcome\":\"rejected\"}", "WARN", "r");
        metrics.record("Fn", "not json", "INFO", "r");
        String figures = metrics.render();
        assertTrue(figures.matches("(?s).*Latency +n=10 p50=50 p90=90 max=100 ms\n.*"), figures);
        assertTrue(figures.matches("(?s).*Requests \\{Outcome=granted} +10\n.*"), figures);
        assertTrue(figures.matches("(?s).*Requests \\{Outcome=rejected} +1\n.*"), figures);
    }
}
