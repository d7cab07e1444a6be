package io.github.asflink.skill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.asflink.skill.salesforce.Salesforce;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The real skill without a network, for measuring the skill's own cost (the benchmark's warm runs): configuration
 * from the environment given, the real handlers and log line, bytes in and bytes out as {@code SkillStreamHandler}
 * drives it, and every Salesforce HTTP request answered in memory. Lambda never uses it.
 */
public final class OfflineHandler {

    private OfflineHandler() {
    }

    /**
     * @param environment the function's environment variables (at least {@code SKILL_ID}); the instance URL
     *                    allow-list applies as in Lambda, so the linked tokens sent must name an allowed origin
     * @param salesforce  answers each Salesforce request with a status and a body; an exception it throws is a
     *                    connection that failed
     */
    public static RequestStreamHandler create(Map<String, String> environment,
                                              Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
        SkillConfig config = SkillConfig.fromEnvironment(environment);
        return new SkillHandler(config, Salesforce.answeredBy(config.salesforceSettings(), Clock.systemUTC(),
                salesforce));
    }
}
