package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.DialogState;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.alexa.Announcement;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.alexa.ScreenRows;
import io.github.asflink.skill.salesforce.Deal;
import io.github.asflink.skill.salesforce.NameMatch;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.speech.SpokenAmount;
import io.github.asflink.skill.speech.SpokenList;
import io.github.asflink.skill.speech.Ssml;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "How is the Globex deal?": one of the user's opportunities by name, in one round trip. Several matches get a
 * "which one?" ({@code Dialog.ElicitSlot}); the answer is matched against the deals offered, kept in the session,
 * before Salesforce is asked again.
 */
final class DealStatusIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "DealStatusIntent";
    static final String DEAL = "deal";

    static final String ASK_DEAL = "Which deal?";
    /** The most deals a "which one?" names; the query asks for one more, to know when there are more. */
    static final int MAX_OFFERED = 5;

    private final ProgressiveResponse progress;
    private final ListScreen screen;

    DealStatusIntentHandler(Salesforce salesforce, ProgressiveResponse progress, ListScreen screen) {
        super(salesforce);
        this.progress = progress;
        this.screen = screen;
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        IntentRequest request = (IntentRequest) input.getRequestEnvelope().getRequest();
        Intent intent = request.getIntent();
        Map<String, Object> session = input.getAttributesManager().getSessionAttributes();
        // Only the answer to this skill's own question may pick from the deals it offered.
        List<Deal> offered = request.getDialogState() == DialogState.IN_PROGRESS
                ? DealCandidates.read(session.get(DealCandidates.ATTRIBUTE)) : List.of();
        session.remove(DealCandidates.ATTRIBUTE);
        Optional<NameMatch> match = Slots.value(intent, DEAL).flatMap(NameMatch::of);
        if (match.isEmpty()) {
            return ask(input, intent, ASK_DEAL, ASK_DEAL);
        }
        List<Deal> chosen = offered.stream().filter(deal -> match.get().matches(deal.name())).toList();
        if (chosen.size() == 1) {
            return Replies.answer(input, describe(chosen.getFirst(), today()));
        }
        progress.announce(input, Announcement.CHECKING);
        return switch (salesforce.deals(match.get())) {
            case SalesforceResult.Failure<List<Deal>> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<List<Deal>> found -> answer(input, intent, match.get(), found.value());
        };
    }

    private Optional<Response> answer(HandlerInput input, Intent intent, NameMatch match, List<Deal> deals) {
        String words = Ssml.escape(match.phrase());
        if (deals.isEmpty()) {
            Turn.of(input).outcome(Turn.Outcome.NO_MATCH);
            return input.getResponseBuilder()
                    .withSpeech("I couldn't find a deal matching " + words + " among your opportunities. "
                            + "You can ask how your pipeline is. " + Replies.REPROMPT)
                    .withReprompt(Replies.REPROMPT)
                    .build();
        }
        if (deals.size() == 1) {
            return Replies.answer(input, describe(deals.getFirst(), today()));
        }
        if (deals.size() > MAX_OFFERED) {
            String question = "More than five deals match " + words + ". Which one? Say more of its name.";
            return ask(input, intent, question, "Which deal? Say more of its name.");
        }
        input.getAttributesManager().getSessionAttributes().put(DealCandidates.ATTRIBUTE,
                DealCandidates.write(deals));
        screen.forList(input, ScreenRows.WHICH_DEAL, ScreenRows.deals(deals, today()))
                .ifPresent(input.getResponseBuilder()::addDirective);
        String names = SpokenList.of(deals.stream().map(deal -> Ssml.escape(deal.name())).toList());
        return ask(input, intent, "I found " + deals.size() + " deals: " + names + ". Which one?",
                "Which deal do you mean: " + names + "?");
    }

    /** A question about the deal slot; the session stays open for the answer. */
    private static Optional<Response> ask(HandlerInput input, Intent intent, String question, String reprompt) {
        Turn.of(input).outcome(Turn.Outcome.DIALOG_CONTINUED);
        return input.getResponseBuilder()
                .withSpeech(question)
                .withReprompt(reprompt)
                .addElicitSlotDirective(DEAL, Slots.without(intent, DEAL))
                .build();
    }

    /** "Globex renewal is in Proposal/Price Quote, worth $48,000, closing on December 7. Next step: ..." */
    static String describe(Deal deal, LocalDate today) {
        boolean closed = deal.stage().map(stage -> stage.toLowerCase(Locale.ROOT).startsWith("closed"))
                .orElse(false);
        StringBuilder speech = new StringBuilder(Ssml.escape(deal.name()));
        speech.append(deal.stage().map(stage -> (closed ? " is " : " is in ") + Ssml.escape(stage))
                .orElse(" has no stage"));
        deal.amount().ifPresent(amount -> speech.append(", worth ").append(SpokenAmount.of(amount, deal.currency())));
        deal.closeDate().ifPresent(date -> speech.append(closed ? ", closed on "
                : date.isBefore(today) ? ", which was due to close on " : ", closing on ")
                .append(Ssml.date(date, today)));
        speech.append('.');
        deal.nextStep().ifPresent(step -> speech.append(" Next step: ").append(Ssml.escape(step)).append('.'));
        return speech.toString();
    }
}
