package io.github.asflink.skill.intents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazon.ask.model.Context;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Session;
import com.amazon.ask.model.User;
import com.amazon.ask.model.interfaces.system.SystemState;
import org.junit.jupiter.api.Test;

/** Where the linking guard finds the linked token: the context's user first, the session's user otherwise. */
class AccessTokenSourceTest {

    private static Context contextWith(User user) {
        return Context.builder().withSystem(SystemState.builder().withUser(user).build()).build();
    }

    private static User user(String accessToken) {
        return User.builder().withUserId("amzn1.ask.account.TEST").withAccessToken(accessToken).build();
    }

    private static Session sessionWith(String accessToken) {
        return Session.builder().withSessionId("s").withUser(user(accessToken)).build();
    }

    @Test
    void theContextsTokenWinsOverTheSessions() {
        assertEquals("from-context", LinkedRequestHandler.accessToken(RequestEnvelope.builder()
                .withContext(contextWith(user("from-context"))).withSession(sessionWith("from-session")).build()));
    }

    @Test
    void theSessionsTokenIsUsedWhenTheContextHasNone() {
        for (RequestEnvelope envelope : new RequestEnvelope[] {
            RequestEnvelope.builder().withSession(sessionWith("from-session")).build(),
            RequestEnvelope.builder().withContext(Context.builder().build()).withSession(sessionWith("from-session"))
                    .build(),
            RequestEnvelope.builder().withContext(contextWith(null)).withSession(sessionWith("from-session")).build(),
            RequestEnvelope.builder().withContext(contextWith(user(null))).withSession(sessionWith("from-session"))
                    .build(),
        }) {
            assertEquals("from-session", LinkedRequestHandler.accessToken(envelope));
        }
    }

    @Test
    void noTokenAnywhereIsNull() {
        assertNull(LinkedRequestHandler.accessToken(RequestEnvelope.builder().build()));
        assertNull(LinkedRequestHandler.accessToken(RequestEnvelope.builder().withContext(contextWith(user(null)))
                .withSession(Session.builder().withSessionId("s").build()).build()));
    }
}
