package io.github.asflink.skill;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.intents.Intents;
import io.github.asflink.skill.salesforce.Salesforce;

/** Puts the skill together: the handlers in the order they are tried, the log line, the apology, the skill id. */
final class SalesforceSkill {

    private SalesforceSkill() {
    }

    static AlexaSkill<RequestEnvelope, ResponseEnvelope> create(SkillConfig config, Salesforce salesforce) {
        TurnLog log = new TurnLog(salesforce.json());
        CustomSkillBuilder builder = new CustomSkillBuilder();
        builder.addRequestHandlers(Intents.handlers(salesforce, ProgressiveResponse.through(salesforce),
                        new ListScreen(salesforce.json())).toArray(RequestHandler[]::new))
                .addResponseInterceptor(log)
                .addExceptionHandler(new ApologyExceptionHandler(log))
                .withSkillId(config.skillId());
        return new RedactingSkill(builder.build(), log);
    }
}
