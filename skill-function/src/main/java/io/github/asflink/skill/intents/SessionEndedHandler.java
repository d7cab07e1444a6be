package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.SessionEndedRequest;
import com.amazon.ask.request.Predicates;
import io.github.asflink.skill.Turn;
import java.util.Optional;

/** SessionEndedRequest: Alexa allows no speech here, so the answer is empty; the log line records the end. */
final class SessionEndedHandler implements RequestHandler {

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(SessionEndedRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn.of(input).outcome(Turn.Outcome.SESSION_ENDED);
        return input.getResponseBuilder().build();
    }
}
