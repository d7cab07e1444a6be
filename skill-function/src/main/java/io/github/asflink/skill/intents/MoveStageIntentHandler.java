package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.alexa.Announcement;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.salesforce.DealStanding;
import io.github.asflink.skill.salesforce.NameMatch;
import io.github.asflink.skill.salesforce.OrgStage;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.salesforce.StageMove;
import io.github.asflink.skill.salesforce.WriteOutcome;
import io.github.asflink.skill.speech.SpokenChoice;
import io.github.asflink.skill.speech.SpokenList;
import io.github.asflink.skill.speech.Ssml;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Move {deal} to {stage}". The first turn finds the deal among the user's own and the stage among the org's active
 * ones (one round trip, both queries together) and asks the user to confirm; only a confirmed second turn sends the
 * update, and it writes exactly the stage the user heard, from the session attributes. A denial sends nothing.
 */
final class MoveStageIntentHandler extends ConfirmedChangeHandler {

    static final String INTENT = "MoveStageIntent";
    static final String DEAL = "deal";
    static final String STAGE = "stage";

    static final String ASK_DEAL = "Which deal should I move?";
    static final String ASK_STAGE = "Which stage should it move to?";
    static final String START_OVER = "Sorry, I lost track of that change, so I haven't made it. " + ASK_DEAL;
    static final String NOTHING_CHANGED = "OK, I didn't change anything.";
    static final String UNCONFIRMED = "I couldn't confirm the change; please check Salesforce.";

    /** A deal query asks for one more than it names, to know when to say "more than five". */
    private static final int MAX_NAMED = 5;

    MoveStageIntentHandler(Salesforce salesforce, ProgressiveResponse progress) {
        super(salesforce, progress, INTENT);
    }

    @Override
    Optional<Response> denied(HandlerInput input, Map<String, Object> session) {
        Optional<PendingMove> move = PendingMove.from(session);
        PendingMove.forget(session);
        Turn.of(input).outcome(Turn.Outcome.DENIED);
        return Replies.answer(input, move.map(m -> "OK, I left " + Ssml.escape(m.name()) + " in "
                + Ssml.escape(m.fromStage()) + ".").orElse(NOTHING_CHANGED));
    }

    @Override
    Optional<Response> confirmed(HandlerInput input, Intent intent, Map<String, Object> session,
                                 SalesforceClient salesforce) {
        Optional<PendingMove> pending = PendingMove.from(session);
        boolean anyKept = PendingMove.anyIn(session);
        PendingMove.forget(session);
        if (pending.isEmpty()) {
            Turn.of(input).startedOver(anyKept);
            return DialogSteps.startOver(input, intent, DEAL, START_OVER);
        }
        PendingMove move = pending.get();
        String deal = Ssml.escape(move.name());
        progress.announce(input, Announcement.UPDATING);
        return switch (salesforce.writes().moveStage(move.opportunityId(), move.toStage())) {
            case WriteOutcome.Saved saved -> {
                Turn.of(input).outcome(Turn.Outcome.UPDATED);
                yield Replies.answer(input, "Done. " + deal + " is now in " + Ssml.escape(move.toStageLabel())
                        + ".");
            }
            case WriteOutcome.Refused refused -> WriteReplies.refused(input, refused, switch (refused.refusal()) {
                case VALIDATION_RULE -> WriteReplies.validationRule(refused);
                case NO_ACCESS -> "You don't have permission to change " + deal + ". Nothing was changed.";
                case LOCKED -> deal + " is locked, probably in an approval. Nothing was changed.";
                case RESTRICTED_PICKLIST -> deal + " can't use the stage " + Ssml.escape(move.toStageLabel())
                        + " (its sales process doesn't allow it).";
                case NOT_FOUND -> "I can't find " + deal + " any more.";
            });
            case WriteOutcome.Unconfirmed unconfirmed -> WriteReplies.unconfirmed(input, UNCONFIRMED);
            case WriteOutcome.Failed failed -> Replies.salesforceFailed(input, failed.failure());
        };
    }

    @Override
    Optional<Response> resolve(HandlerInput input, Intent intent, Map<String, Object> session,
                               SalesforceClient salesforce) {
        Turn turn = Turn.of(input);
        turn.outcome(Turn.Outcome.DIALOG_CONTINUED);
        Optional<NameMatch> dealWords = Slots.value(intent, DEAL).flatMap(NameMatch::of);
        if (dealWords.isEmpty()) {
            return DialogSteps.elicit(input, intent, DEAL, ASK_DEAL);
        }
        Optional<String> spokenStage = Slots.value(intent, STAGE);
        List<String> stageWords = spokenStage.map(StageMatch::words).orElse(List.of());
        if (stageWords.isEmpty()) {
            return DialogSteps.elicit(input, intent, STAGE, ASK_STAGE);
        }
        progress.announce(input, Announcement.CHECKING);
        return switch (salesforce.stageMove(dealWords.get())) {
            case SalesforceResult.Failure<StageMove> failure -> Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<StageMove> found -> decide(input, intent, dealWords.get(),
                    spokenStage.get(), StageMatch.matching(stageWords, found.value().stages()), found.value());
        };
    }

    private static Optional<Response> decide(HandlerInput input, Intent intent, NameMatch dealWords,
                                             String spokenStage, List<OrgStage> stages, StageMove found) {
        Turn turn = Turn.of(input);
        List<DealStanding> deals = found.deals();
        String words = Ssml.escape(dealWords.phrase());
        if (deals.isEmpty()) {
            turn.outcome(Turn.Outcome.NO_MATCH);
            return Replies.answer(input, "I couldn't find a deal matching " + words
                    + " among your opportunities. You can ask how your pipeline is.");
        }
        if (deals.size() > MAX_NAMED) {
            turn.outcome(Turn.Outcome.AMBIGUOUS);
            return DialogSteps.elicit(input, intent, DEAL, "More than five deals match " + words
                    + ". Which one? Say more of its name.");
        }
        if (deals.size() > 1) {
            turn.outcome(Turn.Outcome.AMBIGUOUS);
            return DialogSteps.elicit(input, intent, DEAL, "I found " + deals.size() + " deals: "
                    + SpokenList.of(deals.stream().map(d -> Ssml.escape(d.name())).toList()) + ". Which one?");
        }
        DealStanding deal = deals.getFirst();
        String name = Ssml.escape(deal.name());
        if (deal.closed()) {
            turn.outcome(Turn.Outcome.UNCHANGED);
            return Replies.answer(input, name + " is already closed, so I won't move it.");
        }
        if (stages.isEmpty()) {
            turn.outcome(Turn.Outcome.NO_MATCH);
            return Replies.answer(input, "Your org has no stage called " + Ssml.escape(spokenStage)
                    + ". Its stages are " + SpokenList.of(labels(found.stages())) + ".");
        }
        if (stages.size() > 1) {
            turn.outcome(Turn.Outcome.AMBIGUOUS);
            return DialogSteps.elicit(input, intent, STAGE, "Which stage do you mean: "
                    + SpokenChoice.of(labels(stages)) + "?");
        }
        OrgStage target = stages.getFirst();
        String from = found.stages().stream().filter(stage -> stage.apiName().equals(deal.stageName()))
                .map(OrgStage::label).findFirst().orElse(deal.stageName());
        if (target.apiName().equals(deal.stageName())) {
            turn.outcome(Turn.Outcome.UNCHANGED);
            return Replies.answer(input, name + " is already in " + Ssml.escape(target.label()) + ".");
        }
        new PendingMove(deal.id(), deal.name(), from, target.apiName(), target.label())
                .store(SessionAttributes.of(input));
        turn.outcome(Turn.Outcome.CONFIRM_ASKED);
        return DialogSteps.confirm(input, intent, "Move " + name + " from " + Ssml.escape(from) + " to "
                + Ssml.escape(target.label()) + "?");
    }

    private static List<String> labels(List<OrgStage> stages) {
        return stages.stream().map(stage -> Ssml.escape(stage.label())).toList();
    }
}
