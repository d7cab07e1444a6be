package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ScreenRows;
import io.github.asflink.skill.salesforce.Agenda;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.speech.SpokenList;
import io.github.asflink.skill.speech.SpokenTime;
import io.github.asflink.skill.speech.Ssml;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "What's on my agenda tomorrow?": the day's all-day events, timed events and open tasks due, the first three spoken
 * and the rest counted. Two round trips: userinfo (the user's id and zone say which hours the day covers), then the
 * three queries at once.
 */
final class AgendaIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "AgendaIntent";
    static final String DAY = "day";

    /** Enough to hear what the day holds; the rest is counted. */
    static final int SPOKEN_ITEMS = 3;

    private final ListScreen screen;

    AgendaIntentHandler(Salesforce salesforce, ListScreen screen) {
        super(salesforce);
        this.screen = screen;
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        IntentRequest request = (IntentRequest) input.getRequestEnvelope().getRequest();
        Optional<String> asked = Slots.value(request.getIntent(), DAY);
        return switch (salesforce.agenda(user -> AgendaDay.of(asked, today(user)).day())) {
            case SalesforceResult.Failure<SalesforceClient.ForUser<Agenda>> failure ->
                    Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<SalesforceClient.ForUser<Agenda>> answer -> {
                LocalDate today = today(answer.value().user());
                Agenda agenda = answer.value().value();
                screen.forList(input, ScreenRows.agendaTitle(agenda.day(), today),
                        ScreenRows.agenda(agenda, answer.value().user().zone()))
                        .ifPresent(input.getResponseBuilder()::addDirective);
                yield Replies.answer(input, speech(answer.value().value(), AgendaDay.of(asked, today).exact(), today,
                        answer.value().user().zone()));
            }
        };
    }

    static String speech(Agenda agenda, boolean exactDay, LocalDate today, ZoneId zone) {
        String day = SpokenTime.day(agenda.day(), today, exactDay);
        if (agenda.size() == 0) {
            return "Your calendar is clear " + day + ", and no tasks are due.";
        }
        List<String> items = new ArrayList<>();
        agenda.allDay().forEach(subject -> items.add("all day, " + Ssml.escape(subject)));
        agenda.timed().forEach(event -> items.add("at " + SpokenTime.timeOfDay(event.start(), zone) + ", "
                + Ssml.escape(event.subject())));
        agenda.tasks().forEach(task -> items.add("a task: " + Ssml.escape(task.subject())
                + task.priority().filter(priority -> priority.equalsIgnoreCase("High"))
                        .map(priority -> ", high priority").orElse("")));
        List<String> spoken = new ArrayList<>(items.subList(0, Math.min(SPOKEN_ITEMS, items.size())));
        int more = items.size() - spoken.size();
        if (more > 0) {
            spoken.add((agenda.maybeMore() ? "at least " : "") + more + " more");
        }
        return capitalized(day) + ", you have: " + SpokenList.ofPhrases(spoken) + ".";
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
