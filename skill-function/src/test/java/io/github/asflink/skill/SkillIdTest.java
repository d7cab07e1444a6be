package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.exception.AskSdkException;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Test;

/** With {@code SKILL_ID} set, a request for any other skill is refused before any handler runs. */
@WireMockTest
class SkillIdTest {

    @Test
    void requestForTheConfiguredSkillIsAnswered(WireMockRuntimeInfo wireMock) {
        SalesforceStubs.userinfo();
        SkillInvocation skill = new SkillInvocation(wireMock.getHttpBaseUrl())
                .env(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID);

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", wireMock.getHttpBaseUrl()));

        assertTrue(result.ssml().startsWith("<speak>Hi Ada."), result.ssml());
    }

    @Test
    void requestForAnotherSkillIsRejectedWithoutCallingSalesforce(WireMockRuntimeInfo wireMock) {
        SalesforceStubs.userinfo();
        SkillInvocation skill = new SkillInvocation(wireMock.getHttpBaseUrl())
                .env(SkillConfig.SKILL_ID, "amzn1.ask.skill.00000000-1111-2222-3333-444444444444");

        assertThrows(AskSdkException.class,
                () -> skill.invoke(eventAt("skill-launch-linked.json", wireMock.getHttpBaseUrl())));
        assertEquals(0, getAllServeEvents().size());
    }
}
