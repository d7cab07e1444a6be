package io.github.asflink.skill;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.builder.CustomSkillBuilder;
import java.time.Clock;
import java.util.List;

/** Puts the skill together: the handlers in the order they are tried, the log line, the apology, the skill id. */
final class SalesforceSkill {

    private SalesforceSkill() {
    }

    static AlexaSkill<RequestEnvelope, ResponseEnvelope> create(SkillConfig config, SalesforceTransport transport, Clock clock) {
        Salesforce salesforce = new Salesforce(config, transport, clock);
        TurnLog log = new TurnLog(salesforce.json());
        CustomSkillBuilder builder = new CustomSkillBuilder();
        // Tried in this order: the first handler whose canHandle is true answers.
        builder.addRequestHandlers(List.of(
                        new LaunchHandler(salesforce),
                        new PipelineIntentHandler(salesforce),
                        new OpenCasesIntentHandler(salesforce),
                        new CreateReminderIntentHandler(salesforce),
                        new HelpIntentHandler(),
                        new StopIntentHandler(),
                        new FallbackIntentHandler(),
                        new SessionEndedHandler(),
                        new IgnoredRequestHandler()))
                .addResponseInterceptor(log)
                .addExceptionHandler(new ApologyExceptionHandler(log))
                .withSkillId(config.skillId());
        return new RedactingSkill(builder.build(), log);
    }
}
