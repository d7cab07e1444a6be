package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import java.util.Optional;

/** AMAZON.StopIntent, AMAZON.CancelIntent and AMAZON.NavigateHomeIntent: a short goodbye, and the session ends. */
final class StopIntentHandler implements RequestHandler {

    static final String GOODBYE = "Goodbye.";

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        return input.getResponseBuilder().withSpeech(GOODBYE).withShouldEndSession(true).build();
    }
}
