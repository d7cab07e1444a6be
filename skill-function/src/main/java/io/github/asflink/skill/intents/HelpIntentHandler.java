package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** AMAZON.HelpIntent: what the user can say; the session stays open. Needs no Salesforce and no linking. */
final class HelpIntentHandler implements RequestHandler {

    static final String HELP = Replies.SKILL_NAME + " reads your Salesforce agenda, deals and cases, moves deals "
            + "along and logs your calls. " + Replies.WHAT_YOU_CAN_SAY + " What would you like?";

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is("AMAZON.HelpIntent"));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        return input.getResponseBuilder()
                .withSpeech(HELP)
                .withReprompt(Replies.WHAT_YOU_CAN_SAY + " " + Replies.REPROMPT)
                .build();
    }
}
