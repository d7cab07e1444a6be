package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.alexa.Announcement;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.salesforce.CallTarget;
import io.github.asflink.skill.salesforce.CallTargets;
import io.github.asflink.skill.salesforce.NameMatch;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.salesforce.WriteOutcome;
import io.github.asflink.skill.speech.SpokenChoice;
import io.github.asflink.skill.speech.SpokenList;
import io.github.asflink.skill.speech.Ssml;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Log a call with {target}", then the notes on their own turn. With both, one round trip finds who the call was with
 * (an account, else a contact, else an open deal) and the user's day; the user confirms; only a confirmed turn
 * creates the completed call Task, from what the session attributes say the user heard. A denial sends nothing.
 */
final class LogCallIntentHandler extends ConfirmedChangeHandler {

    static final String INTENT = "LogCallIntent";
    static final String TARGET = "target";
    static final String NOTES = "notes";

    static final String ASK_TARGET = "Who was the call with?";
    static final String ASK_NOTES = "What should the call note say?";
    static final String START_OVER = "Sorry, I lost track of that call, so I haven't logged it. " + ASK_TARGET;
    static final String NOT_LOGGED = "OK, I won't log that call.";
    static final String UNCONFIRMED = "I couldn't confirm the call was logged; please check Salesforce.";

    /** Names spoken when asking which one; each query asks for one more, to know there are more. */
    private static final int MAX_NAMED = 3;

    LogCallIntentHandler(Salesforce salesforce, ProgressiveResponse progress) {
        super(salesforce, progress, INTENT);
    }

    @Override
    Optional<Response> denied(HandlerInput input, Map<String, Object> session) {
        PendingCall.forget(session);
        Turn.of(input).outcome(Turn.Outcome.DENIED);
        return Replies.answer(input, NOT_LOGGED);
    }

    @Override
    Optional<Response> confirmed(HandlerInput input, Intent intent, Map<String, Object> session,
                                 SalesforceClient salesforce) {
        Optional<PendingCall> pending = PendingCall.from(session);
        boolean anyKept = PendingCall.anyIn(session);
        PendingCall.forget(session);
        if (pending.isEmpty()) {
            Turn.of(input).startedOver(anyKept);
            return DialogSteps.startOver(input, intent, TARGET, START_OVER);
        }
        String name = Ssml.escape(pending.get().name());
        progress.announce(input, Announcement.UPDATING);
        return switch (salesforce.writes().logCall(pending.get().log())) {
            case WriteOutcome.Saved saved -> {
                Turn.of(input).outcome(Turn.Outcome.LOGGED);
                yield Replies.answer(input, "Logged your call with " + name + ".");
            }
            case WriteOutcome.Refused refused -> WriteReplies.refused(input, refused, switch (refused.refusal()) {
                case VALIDATION_RULE -> WriteReplies.validationRule(refused);
                case NO_ACCESS -> "You don't have permission to log a call on " + name + ". Nothing was saved.";
                case LOCKED -> name + " is locked, probably in an approval. Nothing was saved.";
                case RESTRICTED_PICKLIST -> "Your org doesn't have a Call task type, so I couldn't log it.";
                case NOT_FOUND -> "I can't find " + name + " any more.";
            });
            case WriteOutcome.Unconfirmed unconfirmed -> WriteReplies.unconfirmed(input, UNCONFIRMED);
            case WriteOutcome.Failed failed -> Replies.salesforceFailed(input, failed.failure());
        };
    }

    @Override
    Optional<Response> resolve(HandlerInput input, Intent intent, Map<String, Object> session,
                               SalesforceClient salesforce) {
        Turn.of(input).outcome(Turn.Outcome.DIALOG_CONTINUED);
        Optional<NameMatch> target = Slots.value(intent, TARGET).flatMap(NameMatch::of);
        if (target.isEmpty()) {
            return DialogSteps.elicit(input, intent, TARGET, ASK_TARGET);
        }
        Optional<String> notes = Slots.value(intent, NOTES);
        if (notes.isEmpty()) {
            return DialogSteps.elicit(input, intent, NOTES, ASK_NOTES);
        }
        progress.announce(input, Announcement.CHECKING);
        return switch (salesforce.callTargets(target.get())) {
            case SalesforceResult.Failure<CallTargets> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<CallTargets> found ->
                    decide(input, intent, session, target.get(), notes.get(), found.value());
        };
    }

    private Optional<Response> decide(HandlerInput input, Intent intent, Map<String, Object> session,
                                      NameMatch words, String notes, CallTargets found) {
        Turn turn = Turn.of(input);
        Optional<CallTarget> target = single(found.accounts())
                .or(() -> single(found.contacts()))
                .or(() -> single(found.opportunities()));
        if (target.isPresent()) {
            PendingCall call = PendingCall.of(target.get(), notes, today(found.user()));
            call.store(session);
            turn.outcome(Turn.Outcome.CONFIRM_ASKED);
            return DialogSteps.confirm(input, intent, "Log a call with " + Ssml.escape(call.name()) + ": "
                    + Ssml.escape(notes) + "?");
        }
        String said = Ssml.escape(words.phrase());
        for (Kind kind : Kind.values()) {
            List<CallTarget> several = kind.of(found);
            if (!several.isEmpty()) {
                turn.outcome(Turn.Outcome.AMBIGUOUS);
                List<String> names = several.stream().limit(MAX_NAMED).map(t -> Ssml.escape(t.name())).toList();
                String question = several.size() > MAX_NAMED
                        ? "I found more than " + MAX_NAMED + " " + kind.plural + " matching " + said + ", including "
                        + SpokenList.of(names) + ". Which one? Say more of its name."
                        : "I found " + several.size() + " " + kind.plural + " matching " + said + ": "
                        + SpokenChoice.of(names) + ". Which one?";
                return DialogSteps.elicit(input, intent, TARGET, question);
            }
        }
        turn.outcome(Turn.Outcome.NO_MATCH);
        return Replies.answer(input, "I couldn't find an account, contact or open deal called " + said + ".");
    }

    private static Optional<CallTarget> single(List<CallTarget> targets) {
        return targets.size() == 1 ? Optional.of(targets.getFirst()) : Optional.empty();
    }

    /** The kinds of target, in the order they are preferred, with what the user hears them called. */
    private enum Kind {
        ACCOUNTS("accounts"), CONTACTS("contacts"), OPPORTUNITIES("open deals");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        List<CallTarget> of(CallTargets found) {
            return switch (this) {
                case ACCOUNTS -> found.accounts();
                case CONTACTS -> found.contacts();
                case OPPORTUNITIES -> found.opportunities();
            };
        }
    }
}
