package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ScreenRows;
import io.github.asflink.skill.salesforce.Pipeline;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.speech.SpokenAmount;
import io.github.asflink.skill.speech.Ssml;
import java.time.LocalDate;
import java.util.Optional;

/** "How is my pipeline?": how many open opportunities, what they add up to, and which one closes next. */
final class PipelineIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "PipelineIntent";

    private final ListScreen screen;

    PipelineIntentHandler(Salesforce salesforce, ListScreen screen) {
        super(salesforce);
        this.screen = screen;
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        return switch (salesforce.pipeline()) {
            case SalesforceResult.Failure<SalesforceClient.ForUser<Pipeline>> failure ->
                    Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<SalesforceClient.ForUser<Pipeline>> answer ->
                    answer(input, answer.value().value(), today(answer.value().user()));
        };
    }

    private Optional<Response> answer(HandlerInput input, Pipeline pipeline, LocalDate today) {
        screen.forList(input, ScreenRows.PIPELINE, ScreenRows.pipeline(pipeline, today))
                .ifPresent(input.getResponseBuilder()::addDirective);
        return Replies.answer(input, speech(pipeline, today));
    }

    static String speech(Pipeline pipeline, LocalDate today) {
        if (pipeline.openCount() == 0) {
            return "You have no open opportunities.";
        }
        Optional<String> nextDetails = pipeline.nextToClose().map(next -> Ssml.escape(next.name())
                + next.amount().map(amount -> ", for " + SpokenAmount.of(amount, next.currency())).orElse("")
                + next.closeDate().map(date -> ", closing " + Ssml.nearDay(date, today)
                        .orElseGet(() -> "on " + Ssml.date(date, today))).orElse(", with no close date"));
        if (pipeline.openCount() == 1 && nextDetails.isPresent()) {
            return "You have one open opportunity: " + nextDetails.get() + ".";
        }
        String count = pipeline.openCount() == 1 ? "one open opportunity"
                : SpokenAmount.count(pipeline.openCount()) + " open opportunities";
        String summary = "You have " + count + pipeline.totalAmount()
                .map(total -> ", worth " + SpokenAmount.of(total, pipeline.totalCurrency()) + " in total")
                .orElse("") + ".";
        return summary + nextDetails.map(details -> " The next to close is " + details + ".").orElse("");
    }
}
