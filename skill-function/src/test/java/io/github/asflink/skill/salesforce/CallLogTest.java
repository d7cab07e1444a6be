package io.github.asflink.skill.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The call Task's fields: Salesforce's length limits, never half a character, and only a call's record pairs. */
class CallLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final String ACCOUNT = "0015g00000GlbxSAAQ";

    @Test
    void theDescriptionIsCutAt32000CharactersAndTheSubjectAt255() {
        String notes = "d".repeat(31_999) + "\uD83D\uDE00" + "tail";

        JsonNode body = new CallLog(Optional.empty(), Optional.of(ACCOUNT), notes, DAY).body(JSON);

        assertEquals("d".repeat(31_999), body.path("Description").asText(), "no half of the emoji");
        assertEquals(255, body.path("Subject").asText().length());
        assertEquals("Call: " + "d".repeat(249), body.path("Subject").asText());
    }

    @Test
    void onlyTheRecordPairsOfACallAreAccepted() {
        String contact = "0035g00000HnkSAAAQ";
        String deal = "0065g00000Q1aBcAAE";
        assertThrows(IllegalArgumentException.class,
                () -> new CallLog(Optional.of(contact), Optional.of(deal), "n", DAY));
        assertThrows(IllegalArgumentException.class,
                () -> new CallLog(Optional.of(ACCOUNT), Optional.empty(), "n", DAY));
        assertThrows(IllegalArgumentException.class,
                () -> new CallLog(Optional.empty(), Optional.empty(), "n", DAY));
        assertThrows(IllegalArgumentException.class,
                () -> new CallLog(Optional.empty(), Optional.of(ACCOUNT), " ", DAY));
        assertEquals("CallLog[2026-12-01]", new CallLog(Optional.of(contact), Optional.of(ACCOUNT), "secret notes",
                DAY).toString(), "no ids or notes in its text form");
    }
}
