package io.github.asflink.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import java.time.LocalDate;
import java.util.Optional;

/** "How is my pipeline?": how many open opportunities, what they add up to, and which one closes next. */
final class PipelineIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "PipelineIntent";

    PipelineIntentHandler(Salesforce salesforce) {
        super(salesforce);
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.intentName(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        return switch (salesforce.user()) {
            case SalesforceResult.Failure<SalesforceUser> failure ->
                    Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<SalesforceUser> user -> switch (salesforce.pipeline(user.value().userId())) {
                case SalesforceResult.Failure<Pipeline> failure -> Replies.salesforceFailed(input, failure.failure());
                case SalesforceResult.Success<Pipeline> pipeline ->
                        Replies.answer(input, speech(pipeline.value(), user.value(), today(user.value())));
            };
        };
    }

    private LocalDate today(SalesforceUser user) {
        return LocalDate.now(clock().withZone(user.zone()));
    }

    static String speech(Pipeline pipeline, SalesforceUser user, LocalDate today) {
        if (pipeline.openCount() == 0) {
            return "You have no open opportunities.";
        }
        if (pipeline.nextToClose().isEmpty()) {
            return "You have " + pipeline.openCount() + " open opportunities.";
        }
        Pipeline.Opportunity next = pipeline.nextToClose().get();
        String nextDetails = Ssml.escape(next.name())
                + next.amount().map(amount -> ", for " + SpokenAmount.of(amount, user.currency())).orElse("")
                + next.closeDate().map(date -> ", closing on " + Ssml.date(date, today)).orElse(", with no close date");
        if (pipeline.openCount() == 1) {
            return "You have one open opportunity: " + nextDetails + ".";
        }
        String total = SpokenAmount.of(pipeline.totalAmount(), user.currency());
        String summary = pipeline.complete()
                ? "You have " + pipeline.openCount() + " open opportunities, worth " + total + " in total."
                : "You have " + pipeline.openCount() + " open opportunities; the first ones I could read are worth "
                        + total + ".";
        return summary + " The next to close is " + nextDetails + ".";
    }
}
