package io.github.asflink.skill.salesforce;

import java.util.Objects;

/**
 * One active opportunity stage of the org, as {@code OpportunityStage} lists it.
 *
 * @param apiName the picklist value {@code StageName} holds, and the value a move writes
 * @param label   what the org calls it ({@code MasterLabel}), which is what the user hears and says
 */
public record OrgStage(String apiName, String label, boolean closed, boolean won) {

    public OrgStage {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(label, "label");
    }
}
