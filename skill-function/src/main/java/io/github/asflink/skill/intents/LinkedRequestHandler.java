package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Response;
import io.github.asflink.linkedtoken.LinkedTokenException;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.salesforce.RequestBudget;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceUser;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The account-linking guard for every handler that talks to Salesforce: it reads the linked token Alexa sends, and
 * answers with a LinkAccount card when there is none or it is not usable. Only then does the subclass run, with a
 * {@link SalesforceClient} for that user.
 */
abstract class LinkedRequestHandler implements RequestHandler {

    private final Salesforce salesforce;

    LinkedRequestHandler(Salesforce salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public final Optional<Response> handle(HandlerInput input) {
        Turn turn = Turn.of(input);
        SalesforceClient client;
        try {
            client = salesforce.connect(accessToken(input.getRequestEnvelope()), RequestBudget.of(input.getContext()),
                    turn);
        } catch (LinkedTokenException e) {
            turn.tokenRejected(e.reason());
            return Replies.linkAccount(input);
        }
        return handle(input, client);
    }

    abstract Optional<Response> handle(HandlerInput input, SalesforceClient salesforce);

    /**
     * Today in UTC, for an answer made without userinfo (and so without the user's zone): it only decides whether the
     * year is said and whether a date is past, where a day's difference at midnight does no harm.
     */
    LocalDate today() {
        return LocalDate.now(salesforce.clock());
    }

    /** The user's "today": their Salesforce time zone, not the function's (UTC). */
    LocalDate today(SalesforceUser user) {
        return LocalDate.now(salesforce.clock().withZone(user.zone()));
    }

    /** {@code context.System.user.accessToken}, or {@code session.user.accessToken}; null when neither is there. */
    static String accessToken(RequestEnvelope envelope) {
        if (envelope.getContext() != null && envelope.getContext().getSystem() != null
                && envelope.getContext().getSystem().getUser() != null
                && envelope.getContext().getSystem().getUser().getAccessToken() != null) {
            return envelope.getContext().getSystem().getUser().getAccessToken();
        }
        if (envelope.getSession() != null && envelope.getSession().getUser() != null) {
            return envelope.getSession().getUser().getAccessToken();
        }
        return null;
    }
}
