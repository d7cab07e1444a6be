package io.github.asflink.skill.intents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.asflink.skill.salesforce.OrgStage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spoken stage words against the org's labels: each word starts a word of the label. */
class StageMatchTest {

    private static final List<OrgStage> STAGES = List.of(stage("Prospecting"), stage("Id. Decision Makers"),
            stage("Proposal/Price Quote"), stage("Negotiation/Review"), stage("Closed"), stage("Closed Won"),
            stage("Closed Lost"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "negotiation | Negotiation/Review",
            "to the negotiation stage | Negotiation/Review",
            "NEGOT | Negotiation/Review",
            "price quote | Proposal/Price Quote",
            "proposal/price | Proposal/Price Quote",
            "id decision makers | Id. Decision Makers",
            "decision | Id. Decision Makers",
            "closed won | Closed Won",
            "closed | Closed",
            "won | Closed Won",
            "pro | Prospecting;Proposal/Price Quote",
            "closed l | Closed Lost",
            "signed | ",
            "review quote | "})
    void wordsMatchTheStagesWhoseLabelWordsTheyStart(String spoken, String expected) {
        List<String> labels = StageMatch.matching(StageMatch.words(spoken), STAGES).stream().map(OrgStage::label)
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected.split(";")), labels);
    }

    @Test
    void fillerAloneLeavesNoWords() {
        assertEquals(List.of(), StageMatch.words("to the stage"));
        assertEquals(List.of(), StageMatch.matching(List.of(), STAGES));
    }

    private static OrgStage stage(String label) {
        return new OrgStage(label, label, label.startsWith("Closed"), label.equals("Closed Won"));
    }
}
