package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import java.util.Optional;

/**
 * Registered last: any other request type (System.ExceptionEncountered, display or audio events) gets an empty answer
 * instead of an SDK error, and still one log line.
 */
final class IgnoredRequestHandler implements RequestHandler {

    @Override
    public boolean canHandle(HandlerInput input) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Turn.of(input).outcome(Turn.Outcome.IGNORED);
        return input.getResponseBuilder().build();
    }
}
