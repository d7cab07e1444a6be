package io.github.asflink.skill;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asflink.linkedtoken.LinkedToken;
import io.github.asflink.linkedtoken.LinkedTokenException;
import java.time.Clock;

/**
 * What every request shares to reach Salesforce: the configuration, the transport, the JSON mapper and what was learned
 * about orgs' currencies, built once per execution environment. {@link #connect} turns one request's linked token into a {@link SalesforceClient}.
 */
final class Salesforce {

    private final SkillConfig config;
    private final SalesforceTransport transport;
    private final ObjectMapper json;
    private final Clock clock;
    private final OrgCurrencies orgs = new OrgCurrencies();

    Salesforce(SkillConfig config, SalesforceTransport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Splits and checks the linked token Alexa sent. A missing, malformed or disallowed token fails here, before any
     * request is built, so nothing is ever sent to an origin outside the allow-list.
     */
    SalesforceClient connect(String linkedToken, RequestBudget budget, Turn turn) throws LinkedTokenException {
        LinkedToken token = LinkedToken.split(linkedToken, config.instanceUrls());
        return new SalesforceClient(token, config, transport, json, orgs, budget, turn);
    }

    Clock clock() {
        return clock;
    }

    ObjectMapper json() {
        return json;
    }
}
