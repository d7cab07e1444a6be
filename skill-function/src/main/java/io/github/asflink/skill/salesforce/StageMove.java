package io.github.asflink.skill.salesforce;

import java.util.List;

/** What a stage move needs to know first, found in one round trip: the deals that match and the org's stages. */
public record StageMove(List<DealStanding> deals, List<OrgStage> stages) {

    public StageMove {
        deals = List.copyOf(deals);
        stages = List.copyOf(stages);
    }
}
