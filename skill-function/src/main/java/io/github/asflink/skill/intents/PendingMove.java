package io.github.asflink.skill.intents;

import io.github.asflink.skill.salesforce.RecordKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stage move the user is asked to confirm, kept in the session attributes between the question and the answer.
 * Alexa hands them back unchanged, but they are still input: on the way back each is checked for its shape, and a
 * move whose attributes are missing or wrong is never sent.
 *
 * @param fromStage    the label of the stage the deal was in, for "I left it in ..."
 * @param toStage      the api name the update writes
 * @param toStageLabel the label the user heard
 */
record PendingMove(String opportunityId, String name, String fromStage, String toStage, String toStageLabel) {

    static final String OPPORTUNITY_ID = "opportunityId";
    static final String NAME = "name";
    static final String FROM_STAGE = "fromStage";
    static final String TO_STAGE = "toStage";
    static final String TO_STAGE_LABEL = "toStageLabel";
    private static final List<String> KEYS = List.of(OPPORTUNITY_ID, NAME, FROM_STAGE, TO_STAGE, TO_STAGE_LABEL);

    PendingMove {
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(toStageLabel, "toStageLabel");
    }

    /** The move in the session attributes, or empty when any part is missing or not of its shape. */
    static Optional<PendingMove> from(Map<String, Object> attributes) {
        Object id = attributes.get(OPPORTUNITY_ID);
        if (!RecordKind.OPPORTUNITY.isId(id)) {
            return Optional.empty();
        }
        Optional<String> name = SessionText.of(attributes.get(NAME), SessionText.NAME_LENGTH);
        Optional<String> from = SessionText.of(attributes.get(FROM_STAGE), SessionText.NAME_LENGTH);
        Optional<String> to = SessionText.of(attributes.get(TO_STAGE), SessionText.NAME_LENGTH);
        Optional<String> label = SessionText.of(attributes.get(TO_STAGE_LABEL), SessionText.NAME_LENGTH);
        if (name.isEmpty() || from.isEmpty() || to.isEmpty() || label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PendingMove((String) id, name.get(), from.get(), to.get(), label.get()));
    }

    /** True when the session holds any part of a move (so a missing move is told apart from a broken one). */
    static boolean anyIn(Map<String, Object> attributes) {
        return KEYS.stream().anyMatch(attributes::containsKey);
    }

    /** Puts this move into the session attributes. */
    void store(Map<String, Object> attributes) {
        Map<String, Object> move = new LinkedHashMap<>();
        move.put(OPPORTUNITY_ID, opportunityId);
        move.put(NAME, name);
        move.put(FROM_STAGE, fromStage);
        move.put(TO_STAGE, toStage);
        move.put(TO_STAGE_LABEL, toStageLabel);
        attributes.putAll(move);
    }

    /** Takes any move out of the session attributes: once answered, it must not be confirmable again. */
    static void forget(Map<String, Object> attributes) {
        KEYS.forEach(attributes::remove);
    }

    @Override
    public String toString() {
        return "PendingMove"; // no id, name or stage in a log or exception message
    }
}
