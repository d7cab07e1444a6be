package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import io.github.asflink.skill.alexa.ListScreen;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.salesforce.Salesforce;
import java.util.List;

/** The skill's request handlers, for the assembly; the handlers themselves stay inside this package. */
public final class Intents {

    /** The question every reprompt asks; the assembly's apology ends with it too. */
    public static final String REPROMPT = Replies.REPROMPT;

    private Intents() {
    }

    /**
     * Every handler, in the order they are tried: the first whose {@code canHandle} is true answers. A new intent's
     * handler goes before {@link HelpIntentHandler}; the catch-alls stay last. Handlers that search or change
     * Salesforce announce it with {@code progress}; list answers also go to a screen with {@code screen}.
     */
    public static List<RequestHandler> handlers(Salesforce salesforce, ProgressiveResponse progress,
                                                ListScreen screen) {
        return List.of(
                new LaunchHandler(salesforce),
                new PipelineIntentHandler(salesforce, screen),
                new OpenCasesIntentHandler(salesforce, screen),
                new CreateReminderIntentHandler(salesforce),
                new AgendaIntentHandler(salesforce, screen),
                new DealStatusIntentHandler(salesforce, progress, screen),
                new MoveStageIntentHandler(salesforce, progress),
                new LogCallIntentHandler(salesforce, progress),
                new HelpIntentHandler(),
                new StopIntentHandler(),
                new FallbackIntentHandler(),
                new SessionEndedHandler(),
                new IgnoredRequestHandler());
    }
}
