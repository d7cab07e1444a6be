package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import java.util.Optional;

/**
 * AMAZON.FallbackIntent, and any intent no other handler takes (an interaction model newer than this code): says
 * what the skill can do instead, and keeps listening.
 */
final class FallbackIntentHandler implements RequestHandler {

    static final String FALLBACK = "Sorry, I can't help with that. " + Replies.WHAT_YOU_CAN_SAY;

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(IntentRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        return input.getResponseBuilder()
                .withSpeech(FALLBACK + " " + Replies.REPROMPT)
                .withReprompt(Replies.WHAT_YOU_CAN_SAY + " " + Replies.REPROMPT)
                .build();
    }
}
