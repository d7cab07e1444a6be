package io.github.asflink.skill.salesforce;

/**
 * The queries that find what a change is about, byte for byte. The only value in them is a {@link NameMatch}, which
 * is built from the user's words by the one escaper; the stage list takes none.
 */
final class LookupSoql {

    /** The org's active stages in its own order: what a deal can be moved to, by the names the org gives them. */
    static final String ACTIVE_STAGES = "SELECT ApiName, MasterLabel, IsClosed, IsWon FROM OpportunityStage "
            + "WHERE IsActive = true ORDER BY SortOrder ASC";

    private LookupSoql() {
    }

    /** The user's deals that match, open ones first; six, to know when more than five match. */
    static String dealsToMove(NameMatch name) {
        return "SELECT Id, Name, StageName, IsClosed FROM Opportunity USING SCOPE mine WHERE " + name.condition()
                + " ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    }

    static String accounts(NameMatch name) {
        return "SELECT Id, Name FROM Account WHERE " + name.condition() + " ORDER BY Name ASC LIMIT 4";
    }

    static String contacts(NameMatch name) {
        return "SELECT Id, Name, AccountId FROM Contact WHERE " + name.condition() + " ORDER BY Name ASC LIMIT 4";
    }

    static String openDeals(NameMatch name) {
        return "SELECT Id, Name, AccountId FROM Opportunity USING SCOPE mine WHERE " + name.condition()
                + " AND IsClosed = false ORDER BY Name ASC LIMIT 4";
    }
}
