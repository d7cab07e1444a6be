package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ScreenRows;
import io.github.asflink.skill.salesforce.OpenCases;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.speech.SpokenAmount;
import io.github.asflink.skill.speech.SpokenList;
import io.github.asflink.skill.speech.Ssml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "What are my open cases?": how many, and the top three by priority. */
final class OpenCasesIntentHandler extends LinkedRequestHandler {

    static final String INTENT = "OpenCasesIntent";

    private final ListScreen screen;

    OpenCasesIntentHandler(Salesforce salesforce, ListScreen screen) {
        super(salesforce);
        this.screen = screen;
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(IntentName.is(INTENT));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        // USING SCOPE mine needs no user id, so no userinfo call: a dead token fails the queries themselves (401).
        return switch (salesforce.openCases()) {
            case SalesforceResult.Failure<OpenCases> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<OpenCases> cases -> answer(input, cases.value());
        };
    }

    private Optional<Response> answer(HandlerInput input, OpenCases cases) {
        screen.forList(input, ScreenRows.OPEN_CASES, ScreenRows.openCases(cases))
                .ifPresent(input.getResponseBuilder()::addDirective);
        return Replies.answer(input, speech(cases));
    }

    static String speech(OpenCases cases) {
        if (cases.count() == 0 || cases.top().isEmpty()) {
            return "You have no open cases.";
        }
        List<String> items = new ArrayList<>();
        for (OpenCases.CaseSummary summary : cases.top()) {
            items.add(describe(summary));
        }
        if (cases.count() == 1) {
            return "You have one open case: " + items.getFirst() + ".";
        }
        String list = SpokenList.ofPhrases(items);
        if (cases.count() <= cases.top().size()) {
            return "You have " + SpokenAmount.count(cases.count()) + " open cases: " + list + ".";
        }
        String top = cases.top().size() == 3 ? "three" : String.valueOf(cases.top().size());
        return "You have " + SpokenAmount.count(cases.count()) + " open cases. The top " + top + " by priority are: "
                + list + ".";
    }

    private static String describe(OpenCases.CaseSummary summary) {
        String what = summary.subject().map(Ssml::escape)
                .orElse("case " + Ssml.escape(summary.caseNumber().replaceFirst("^0+(?=.)", "")));
        return what + summary.priority()
                .map(priority -> ", " + Ssml.escape(priority.toLowerCase(Locale.ROOT)) + " priority").orElse("");
    }
}
