package io.github.asflink.local.logmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter-pattern subset, against one event with strings, numbers, a null and a nested object. */
class FilterPatternTest {
    private static final JsonObject EVENT = JsonParser.parseString("""
            {"level":"INFO","line":{"event":"token_request","outcome":"granted","grantType":null,
             "status":200,"upstreamLatencyMs":412,"note":"invalid_client: nope","ratio":0.5},"status":"429"}
            """).getAsJsonObject();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', value = {
        "{ $.line.outcome = \"granted\" } # true",
        "{ $.line.outcome = \"rejected\" } # false",
        "{ $.line.outcome != \"rejected\" } # true",
        "{ $.line.outcome != \"granted\" } # false",
        "{ $.line.outcome = granted } # true",
        "{ $.line.note = \"invalid_client*\" } # true",
        "{ $.line.note = \"*nope\" } # true",
        "{ $.line.note = \"invalid*nope\" } # true",
        "{ $.line.note = \"invalid_grant*\" } # false",
        "{ $.line.note = \"invalid_client\" } # false",
        "{ $.line.upstreamLatencyMs >= 412 } # true",
        "{ $.line.upstreamLatencyMs > 412 } # false",
        "{ $.line.upstreamLatencyMs < 413 } # true",
        "{ $.line.upstreamLatencyMs <= 411 } # false",
        "{ $.line.upstreamLatencyMs = 412 } # true",
        "{ $.line.upstreamLatencyMs != 412 } # false",
        "{ $.line.ratio > 0.25 } # true",
        "{ $.line.status = 200 } # true",
        "{ $.line.status = \"200\" } # false",
        "{ $.status = \"429\" } # true",
        "{ $.status = 429 } # false",
        "{ $.line.missing = \"x\" } # false",
        "{ $.line.missing != \"x\" } # false",
        "{ $.line.missing >= 0 } # false",
        "{ $.line.grantType = \"refresh_token\" } # false",
        "{ $.line.grantType != \"refresh_token\" } # false",
        "{ $.line = \"x\" } # false",
        "{ $.outcome = \"granted\" } # false",
        "{ $.line.event = \"token_request\" && $.line.status = 200 } # true",
        "{ $.line.event = \"token_request\" && $.line.status = 500 } # false",
        "{ $.line.outcome = \"x\" || $.line.status = 200 } # true",
        "{ $.line.outcome = \"x\" || $.line.status = 500 } # false",
        "{ $.line.event = \"x\" && $.line.status = 500 || $.level = \"INFO\" } # true",
        "{ $.line.event = \"x\" && ($.line.status = 500 || $.level = \"INFO\") } # false",
        "{($.line.outcome=\"granted\")&&($.line.upstreamLatencyMs>=0)} # true",
    })
    void matches(String pattern, boolean expected) {
        assertEquals(expected, FilterPattern.parse(pattern).matches(EVENT), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$.line.outcome = \"granted\"",
        "{ $.line.outcome IS NULL }",
        "{ $.line.outcome NOT EXISTS }",
        "{ $.line.items[0] = 1 }",
        "{ $.line.outcome = %gran% }",
        "{ $.line.outcome > \"a\" }",
        "{ $.line.outcome = \"granted\" ",
        "{ $.line.outcome = \"granted\" } extra",
        "{ line.outcome = \"granted\" }",
        "{ $.line.outcome = \"gr\\\"anted\" }",
        "ERROR",
    })
    void refusesWhatIsOutsideTheSubset(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse(pattern));
        assertTrue(e.getMessage().contains("outside the supported subset"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void namesTheSelectorsItReads() {
        assertEquals(List.of("$.line.event", "$.line.grantType", "$.line.grantType"), FilterPattern.parse(
                "{ $.line.event = \"token_request\" && ($.line.grantType = \"a\" || $.line.grantType = \"b\") }")
                .selectors());
    }
}
