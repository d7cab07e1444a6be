package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.DialogState;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.salesforce.SalesforceUser;
import io.github.asflink.skill.salesforce.TaskDraft;
import io.github.asflink.skill.speech.Ssml;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Remind me to {subject} {date}": after Alexa has the subject and a day and the user confirmed (the interaction
 * model sets {@code confirmationRequired}), creates a Salesforce Task owned by the user. A denial creates nothing.
 * The dialog steps work whether or not Alexa auto-delegates them. Every turn first checks the link with userinfo, so
 * a dead token is met with the re-link card at once rather than after the user has answered every question; the same
 * answer gives the user's time zone, so "today" and "tomorrow" are the user's.
 */
final class CreateReminderIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "CreateReminderIntent";
    static final String SUBJECT = "subject";
    static final String DATE = "date";

    static final String ASK_SUBJECT = "What should I remind you to do?";
    static final String ASK_DATE = "On which day? For example, tomorrow, or next Friday.";
    static final String DECLINED = "Okay, I won't create that reminder.";

    /** AMAZON.DATE also resolves to weeks, months, seasons ("2026-W49", "2026-12"); a Task needs one day. */
    private static final Pattern ONE_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    CreateReminderIntentHandler(Salesforce salesforce) {
        super(salesforce);
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        return switch (salesforce.user()) {
            case SalesforceResult.Failure<SalesforceUser> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<SalesforceUser> user -> converse(input, salesforce, user.value());
        };
    }

    private Optional<Response> converse(HandlerInput input, SalesforceClient salesforce, SalesforceUser user) {
        IntentRequest request = (IntentRequest) input.getRequestEnvelope().getRequest();
        Intent intent = request.getIntent();
        Turn turn = Turn.of(input);
        if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
            turn.outcome(Turn.Outcome.REMINDER_DECLINED);
            return Replies.answer(input, DECLINED);
        }
        Optional<String> subject = Slots.value(intent, SUBJECT);
        Optional<String> dateValue = Slots.value(intent, DATE);
        if ((subject.isEmpty() || dateValue.isEmpty()) && request.getDialogState() != DialogState.COMPLETED) {
            turn.outcome(Turn.Outcome.DIALOG_CONTINUED);
            return input.getResponseBuilder().addDelegateDirective(intent).build();
        }
        if (subject.isEmpty()) {
            return elicit(input, intent, SUBJECT, ASK_SUBJECT);
        }
        Optional<LocalDate> due = dateValue.flatMap(CreateReminderIntentHandler::oneDay);
        if (due.isEmpty()) {
            return elicit(input, intent, DATE, ASK_DATE);
        }
        TaskDraft draft = new TaskDraft(subject.get(), due.get());
        if (intent.getConfirmationStatus() != IntentConfirmationStatus.CONFIRMED) {
            turn.outcome(Turn.Outcome.DIALOG_CONTINUED);
            String question = "Should I add a Salesforce task to " + Ssml.escape(draft.subject()) + ", due "
                    + due(draft, today(user)) + "?";
            return input.getResponseBuilder()
                    .withSpeech(question)
                    .withReprompt(question)
                    .addConfirmIntentDirective(intent)
                    .build();
        }
        return switch (salesforce.createTask(user.userId(), draft)) {
            case SalesforceResult.Failure<String> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<String> created -> {
                turn.outcome(Turn.Outcome.TASK_CREATED);
                yield Replies.answer(input, "Okay. I added a task to " + Ssml.escape(draft.subject())
                        + ", due " + due(draft, today(user)) + ".");
            }
        };
    }

    /** Asks again for one slot, forgetting its old value and the confirmation, so Alexa confirms the new one. */
    private static Optional<Response> elicit(HandlerInput input, Intent intent, String slot, String prompt) {
        Turn.of(input).outcome(Turn.Outcome.DIALOG_CONTINUED);
        return input.getResponseBuilder()
                .withSpeech(prompt)
                .withReprompt(prompt)
                .addElicitSlotDirective(slot, Slots.without(intent, slot))
                .build();
    }

    /** "today", "tomorrow", or the date. */
    private static String due(TaskDraft draft, LocalDate today) {
        return Ssml.nearDay(draft.due(), today).orElseGet(() -> Ssml.date(draft.due(), today));
    }

    private static Optional<LocalDate> oneDay(String value) {
        if (!ONE_DAY.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
