package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import java.util.HashMap;
import java.util.Map;

/** The session attributes a write intent keeps its pending change in. */
final class SessionAttributes {

    private SessionAttributes() {
    }

    /**
     * The request's session attributes, to read and to change (the answer carries them back to Alexa). Alexa always
     * sends a session with an intent; an envelope without one gets a map that is simply dropped, so such a turn can
     * never confirm anything.
     */
    static Map<String, Object> of(HandlerInput input) {
        return input.getRequestEnvelope().getSession() == null ? new HashMap<>()
                : input.getAttributesManager().getSessionAttributes();
    }
}
