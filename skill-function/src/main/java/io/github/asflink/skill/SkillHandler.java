package io.github.asflink.skill;

import com.amazon.ask.SkillStreamHandler;
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
        this(environment, new HttpTransport(), Clock.systemUTC());
    }

    /** For tests: another transport or a fixed clock. */
    SkillHandler(Map<String, String> environment, SalesforceTransport transport, Clock clock) {
        super(SalesforceSkill.create(SkillConfig.fromEnvironment(environment), transport, clock));
    }
}
