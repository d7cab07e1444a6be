package io.github.asflink.skill;

import com.amazon.ask.SkillStreamHandler;
import io.github.asflink.skill.salesforce.Salesforce;
import java.time.Clock;
import java.util.Map;

/**
 * The Lambda entry point ({@code io.github.asflink.skill.SkillHandler::handleRequest}): Alexa's request envelope in,
 * the skill's response envelope out, through the ASK SDK's stream handler. One skill per execution environment.
 */
public final class SkillHandler extends SkillStreamHandler {

    // Registers the SnapStart priming hook; held here so the CRaC context (which keeps weak references) keeps it.
    private static final SnapStartPriming PRIMING = SnapStartPriming.register();

    /** What the Lambda runtime calls: configuration from the function's environment variables. */
    public SkillHandler() {
        this(System.getenv());
    }

    /** For the local runner and tests: the same skill, with the environment given. */
    public SkillHandler(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** For tests: the real skill over HTTP, with a fixed clock. */
    SkillHandler(Map<String, String> environment, Clock clock) {
        this(SkillConfig.fromEnvironment(environment), clock);
    }

    private SkillHandler(SkillConfig config, Clock clock) {
        this(config, Salesforce.overHttp(config.salesforceSettings(), clock));
    }

    /** The skill with the Salesforce given (over HTTP, or answered in memory). */
    SkillHandler(SkillConfig config, Salesforce salesforce) {
        super(SalesforceSkill.create(config, salesforce));
    }
}
