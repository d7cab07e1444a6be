package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.IntentRequest;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which intent a request names. The SDK's own {@code Predicates.intentName} throws on an IntentRequest that carries no
 * intent object, which would turn a well-formed envelope into an unexpected failure; this one answers false, and the
 * fallback handler takes the request.
 */
final class IntentName {

    private IntentName() {
    }

    static Predicate<HandlerInput> is(String... names) {
        Set<String> wanted = Set.of(names);
        return input -> input.getRequestEnvelope().getRequest() instanceof IntentRequest request
                && request.getIntent() != null && request.getIntent().getName() != null
                && wanted.contains(request.getIntent().getName());
    }
}
