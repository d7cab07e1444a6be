package io.github.asflink.skill;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import io.github.asflink.skill.intents.Intents;
import java.util.Optional;

/**
 * Anything a handler did not expect: logs the exception's class (never its message, which may carry input) and
 * apologises without blaming the user. The session stays open.
 */
final class ApologyExceptionHandler implements ExceptionHandler {

    static final String APOLOGY = "Sorry, something went wrong on my side. Please try again.";

    private final TurnLog log;

    ApologyExceptionHandler(TurnLog log) {
        this.log = log;
    }

    @Override
    public boolean canHandle(HandlerInput input, Throwable throwable) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, Throwable throwable) {
        Turn.of(input).failed(throwable);
        log.write(input);
        // A fresh builder: whatever the failed handler had half-built (a card, a directive) must not leak out.
        return new ResponseBuilder()
                .withSpeech(APOLOGY + " " + Intents.REPROMPT)
                .withReprompt(Intents.REPROMPT)
                .build();
    }
}
