package io.github.asflink.skill.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the agenda's date-times in the forms Salesforce and its stand-ins write them. */
class SalesforceAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T22:30:00.000+0000", "2026-12-01T22:30:00Z", "2026-12-01T22:30:00+00:00",
        "2026-12-01T14:30:00.000-0800", "2026-12-01T22:30Z"})
    void startTimesAreReadInEachForm(String start) throws Exception {
        List<Agenda.TimedEvent> events = SalesforceAnswers.timedEvents(JSON.readTree(
                "{\"totalSize\":1,\"done\":true,\"records\":[{\"Subject\":\"x\",\"StartDateTime\":\"" + start
                        + "\"}]}"));

        assertEquals(OffsetDateTime.parse("2026-12-01T22:30:00Z").toInstant(), events.getFirst().start().toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tomorrow\"", "null", "12", "\"2026-12-01\""})
    void aStartTimeThatIsNoneIsUnreadable(String start) {
        assertThrows(SalesforceAnswers.Unreadable.class, () -> SalesforceAnswers.timedEvents(JSON.readTree(
                "{\"totalSize\":1,\"done\":true,\"records\":[{\"Subject\":\"x\",\"StartDateTime\":" + start + "}]}")));
    }
}
