package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import java.util.Map;
import java.util.Optional;

/**
 * An intent that changes Salesforce only after the user's "yes". A new question looks the records up and asks for
 * confirmation; a CONFIRMED turn makes the change from what the session attributes say the user heard; a DENIED turn
 * sends nothing. A new question first forgets any pending change, of either kind, so no earlier confirmation can
 * apply to it.
 */
abstract class ConfirmedChangeHandler extends LinkedRequestHandler {

    private final String intentName;
    /** Announces the look-up and the change: both wait on Salesforce. */
    final ProgressiveResponse progress;

    ConfirmedChangeHandler(Salesforce salesforce, ProgressiveResponse progress, String intentName) {
        super(salesforce);
        this.progress = progress;
        this.intentName = intentName;
    }

    @Override
    public final boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(intentName));
    }

    @Override
    final Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        Intent intent = ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent();
        Map<String, Object> session = SessionAttributes.of(input);
        IntentConfirmationStatus status = intent.getConfirmationStatus();
        if (status == IntentConfirmationStatus.DENIED) {
            return denied(input, session);
        }
        if (status == IntentConfirmationStatus.CONFIRMED) {
            return confirmed(input, intent, session, salesforce);
        }
        PendingMove.forget(session);
        PendingCall.forget(session);
        return resolve(input, intent, session, salesforce);
    }

    /** The user said no: forget the pending change, send nothing. */
    abstract Optional<Response> denied(HandlerInput input, Map<String, Object> session);

    /** The user said yes: make the pending change, or start over when the session holds none of its shape. */
    abstract Optional<Response> confirmed(HandlerInput input, Intent intent, Map<String, Object> session,
                                          SalesforceClient salesforce);

    /** A new question: look the records up, ask what is missing or ambiguous, then ask for confirmation. */
    abstract Optional<Response> resolve(HandlerInput input, Intent intent, Map<String, Object> session,
                                        SalesforceClient salesforce);
}
