package io.github.asflink.local.demoorg;

import io.github.asflink.local.demoorg.SObjectType.Field;
import io.github.asflink.local.demoorg.SObjectType.FieldType;
import io.github.asflink.local.demoorg.SObjectType.PicklistRestriction;
import io.github.asflink.local.demoorg.SObjectType.Sharing;
import io.github.asflink.local.demoorg.SObjectType.ValidationRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo org's seeded users and records: a small, believable data set. Dates are relative to today in the owner's
 * time zone, so the "next opportunity to close" is always in the future and "today's agenda" is always today's. Some
 * names carry {@code &}, {@code <} and quotes on purpose: the skill must escape them for SSML.
 */
public final class DemoData {
    public static final String ORG_ID = SalesforceIds.of("00D", "5g00000DEMO", 1);
    public static final String DEMO_PASSWORD = "demo";
    /** The org's corporate currency ({@code Organization.DefaultCurrencyIsoCode}). */
    public static final String CURRENCY = "USD";
    /** The admin's text for the rule that an opportunity needs an amount before it is won. */
    static final String AMOUNT_BEFORE_CLOSING = "Enter an amount before closing this opportunity.";

    /** One row of OpportunityStage, in the org's sort order. */
    private record Stage(String label, boolean active, boolean closed, boolean won) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("Prospecting", true, false, false),
            new Stage("Qualification", true, false, false),
            new Stage("Needs Analysis", true, false, false),
            new Stage("Value Proposition", true, false, false),
            new Stage("Id. Decision Makers", true, false, false),
            new Stage("Perception Analysis", false, false, false),
            new Stage("Proposal/Price Quote", true, false, false),
            new Stage("Negotiation/Review", true, false, false),
            new Stage("Contract Sent", true, false, false),
            new Stage("Closed Won", true, true, true),
            new Stage("Closed Lost", true, true, false));

    private final List<DemoUser> users;
    private final Map<String, SObjectType> objects = new LinkedHashMap<>();
    private final Set<String> lockedIds = ConcurrentHashMap.newKeySet();
    private final Set<String> readOnlyUserIds = ConcurrentHashMap.newKeySet();

    private DemoData(List<DemoUser> users) {
        this.users = users;
    }

    public static DemoData seeded(Clock clock) {
        List<DemoUser> users = List.of(
                new DemoUser(SalesforceIds.of("005", "5g00000DEMO", 1), "ada@demo.example", DEMO_PASSWORD,
                        "Ada", "Lovelace", "en_US", "America/Los_Angeles"),
                new DemoUser(SalesforceIds.of("005", "5g00000DEMO", 2), "grace@demo.example", DEMO_PASSWORD,
                        "Grace", "Hopper", "en_US", "America/New_York"),
                new DemoUser(SalesforceIds.of("005", "5g00000DEMO", 3), "katherine@demo.example", DEMO_PASSWORD,
                        "Katherine", "Johnson", "en_US", "America/Chicago"));
        DemoData data = new DemoData(users);
        data.defineSchema();
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("Name", "Demo Org");
        organization.put("DefaultCurrencyIsoCode", CURRENCY);
        if (!data.object("Organization").orElseThrow().insert(organization).equals(ORG_ID)) {
            throw new IllegalStateException("the Organization record must carry the org id");
        }
        data.seed(clock.instant());
        return data;
    }

    private void defineSchema() {
        List<String> stageNames = STAGES.stream().filter(Stage::active).map(Stage::label).toList();
        define(new SObjectType("Opportunity", "006", Sharing.OWNER, true, List.of(
                Field.of("Id", FieldType.ID), Field.text("Name", 120).asRequired(),
                Field.of("Amount", FieldType.CURRENCY), Field.of("CloseDate", FieldType.DATE).asRequired(),
                Field.picklist("StageName", "Stage", stageNames).asRequired(),
                Field.text("NextStep", 255), Field.lookup("AccountId", "Account ID", "Account"),
                Field.lookup("OwnerId", "Owner ID", "User"), Field.of("IsClosed", FieldType.BOOLEAN).readOnly(),
                Field.of("IsWon", FieldType.BOOLEAN).readOnly())))
                .derive(DemoData::stageFlags)
                .rule(new ValidationRule(r -> "Closed Won".equals(r.get("StageName")) && r.get("Amount") == null,
                        AMOUNT_BEFORE_CLOSING));
        define(new SObjectType("OpportunityStage", "01J", Sharing.EVERYONE, false, List.of(
                Field.of("Id", FieldType.ID), Field.of("ApiName", FieldType.STRING),
                Field.of("MasterLabel", FieldType.STRING), Field.of("IsActive", FieldType.BOOLEAN),
                Field.of("IsClosed", FieldType.BOOLEAN), Field.of("IsWon", FieldType.BOOLEAN),
                Field.of("SortOrder", FieldType.INTEGER))));
        define(new SObjectType("Case", "500", Sharing.OWNER, true, List.of(
                Field.of("Id", FieldType.ID), Field.of("CaseNumber", FieldType.STRING).readOnly(),
                Field.text("Subject", 255),
                Field.picklist("Priority", "Priority", List.of("High", "Medium", "Low")),
                Field.picklist("Status", "Status", List.of("New", "Working", "Escalated", "Closed")),
                Field.lookup("AccountId", "Account ID", "Account"), Field.lookup("OwnerId", "Owner ID", "User"),
                Field.of("IsClosed", FieldType.BOOLEAN).readOnly())))
                .defaults(Map.of("Priority", "Medium", "Status", "New"))
                .derive(r -> with(r, "IsClosed", "Closed".equals(r.get("Status"))));
        define(new SObjectType("Task", "00T", Sharing.OWNER, true, List.of(
                Field.of("Id", FieldType.ID), Field.text("Subject", 255),
                Field.of("ActivityDate", FieldType.DATE),
                Field.picklist("Status", "Status", List.of("Not Started", "In Progress", "Completed")),
                Field.picklist("Priority", "Priority", List.of("High", "Normal", "Low")),
                Field.picklist("TaskSubtype", "Task Subtype", List.of("Task", "Email", "Call")),
                Field.picklist("Type", "Type", List.of("Call", "Email", "Meeting", "Other")),
                Field.lookup("WhatId", "Related To ID", "Account", "Opportunity", "Case"),
                Field.lookup("WhoId", "Name ID", "Contact"),
                Field.lookup("OwnerId", "Assigned To ID", "User"), Field.text("Description", 32_000),
                Field.of("IsClosed", FieldType.BOOLEAN).readOnly())))
                .defaults(Map.of("Status", "Not Started", "Priority", "Normal", "TaskSubtype", "Task"))
                .derive(r -> with(r, "IsClosed", "Completed".equals(r.get("Status"))));
        define(new SObjectType("Event", "00U", Sharing.OWNER, true, List.of(
                Field.of("Id", FieldType.ID), Field.text("Subject", 255),
                Field.of("StartDateTime", FieldType.DATETIME), Field.of("EndDateTime", FieldType.DATETIME),
                Field.of("IsAllDayEvent", FieldType.BOOLEAN), Field.of("ActivityDate", FieldType.DATE),
                Field.text("Location", 255), Field.lookup("WhatId", "Related To ID", "Account", "Opportunity"),
                Field.lookup("WhoId", "Name ID", "Contact"), Field.lookup("OwnerId", "Assigned To ID", "User"))))
                .defaults(Map.of("IsAllDayEvent", false))
                .derive(this::eventDate);
        define(new SObjectType("Account", "001", Sharing.EVERYONE, true, List.of(
                Field.of("Id", FieldType.ID), Field.text("Name", 255).asRequired(),
                Field.lookup("OwnerId", "Owner ID", "User"))));
        define(new SObjectType("Contact", "003", Sharing.EVERYONE, true, List.of(
                Field.of("Id", FieldType.ID), Field.text("FirstName", 40), Field.text("LastName", 80).asRequired(),
                Field.of("Name", FieldType.STRING).readOnly(), Field.lookup("AccountId", "Account ID", "Account"),
                Field.lookup("OwnerId", "Owner ID", "User"))))
                .derive(r -> with(r, "Name", r.get("FirstName") == null ? r.get("LastName")
                        : r.get("FirstName") + " " + r.get("LastName")));
        // A single-currency org: no CurrencyIsoCode on any record, the corporate currency on the Organization.
        define(new SObjectType("Organization", "00D", Sharing.EVERYONE, false, List.of(
                Field.of("Id", FieldType.ID), Field.of("Name", FieldType.STRING),
                Field.of("DefaultCurrencyIsoCode", FieldType.STRING))));
    }

    private void seed(Instant now) {
        DemoUser ada = users.get(0);
        DemoUser grace = users.get(1);
        DemoUser katherine = users.get(2);
        LocalDate adaToday = today(now, ada);
        LocalDate graceToday = today(now, grace);

        SObjectType stages = object("OpportunityStage").orElseThrow();
        for (int i = 0; i < STAGES.size(); i++) {
            Stage stage = STAGES.get(i);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ApiName", stage.label());
            values.put("MasterLabel", stage.label());
            values.put("IsActive", stage.active());
            values.put("IsClosed", stage.closed());
            values.put("IsWon", stage.won());
            values.put("SortOrder", i + 1);
            stages.insert(values);
        }

        String acme = account("Acme Corp", ada);
        String globex = account("Globex & Sons", ada);
        String initech = account("Initech", ada);
        String umbrella = account("Umbrella Corp", ada);
        String wayne = account("Wayne Enterprises", ada);
        String stark = account("Stark Industries", grace);
        contact("Hank", "Scorpio", globex, ada);
        contact("Peter", "Gibbons", initech, ada);
        contact("Bruce", "Wayne", wayne, ada);
        contact("Pepper", "Potts", stark, grace);

        opportunity("Acme Corp - 500 Widgets", 125_000.00, adaToday.plusDays(12), "Negotiation/Review", ada.id(),
                acme, "Get the signed order form");
        opportunity("Globex & Sons renewal", 48_000.50, adaToday.plusDays(5), "Proposal/Price Quote", ada.id(),
                globex, "Send the revised quote");
        String initechPilot = opportunity("Initech <Pilot> expansion", 9_900.00, adaToday.plusDays(40),
                "Qualification", ada.id(), initech, "Book a demo with their IT team");
        opportunity("Umbrella Corp migration", 300_000.00, adaToday.minusDays(20), "Closed Won", ada.id(), umbrella,
                null);
        opportunity("Globex & Sons services", 18_000.00, adaToday.plusDays(25), "Qualification", ada.id(), globex,
                "Schedule a scoping call");
        opportunity("Wayne Enterprises pilot", null, adaToday.plusDays(20), "Value Proposition", ada.id(), wayne,
                "Confirm the pilot's success criteria");
        opportunity("Hooli cloud rollout", 250_000.00, graceToday.plusDays(30), "Prospecting", grace.id(), null,
                null);
        opportunity("Stark Industries support", 75_000.00, graceToday.plusDays(3), "Value Proposition", grace.id(),
                stark, "Call Pepper about the SLA");
        opportunity("Cyberdyne robotics", 60_000.00, today(now, katherine).plusDays(15), "Needs Analysis",
                katherine.id(), null, "Send the security questionnaire");
        lockedIds.add(initechPilot); // in an approval process
        // Acme buys hardware: its deals follow a sales process without the org's own "Contract Sent" stage.
        type("Opportunity").restrict(new PicklistRestriction(r -> acme.equals(r.get("AccountId")), "StageName",
                List.of("Contract Sent")));
        readOnlyUserIds.add(katherine.id());

        supportCase("Export drops \"quoted\" fields", "Low", "New", ada.id());
        supportCase("Login fails for R&D team", "High", "New", ada.id());
        supportCase("Invoice shows <null> for totals", "Medium", "Working", ada.id());
        supportCase("Password reset email delayed", "High", "Escalated", ada.id());
        supportCase("Printer on fire", "High", "Closed", ada.id());
        supportCase("API limits & throttling question", "Medium", "New", grace.id());

        event("Pipeline review", ada, adaToday, LocalTime.of(9, 0), 30, null);
        event("Globex & Sons quarterly review", ada, adaToday, LocalTime.of(14, 30), 60, "Zoom");
        allDayEvent("Sales kickoff", ada, adaToday.plusDays(1));
        event("Acme contract call", ada, adaToday.plusDays(1), LocalTime.of(10, 0), 30, null);
        event("Hooli architecture workshop", grace, graceToday, LocalTime.of(11, 0), 120, "Hooli HQ");
        allDayEvent("Grace's conference day", grace, graceToday);

        task("Send Acme the revised quote", adaToday, "High", "Not Started", ada.id());
        task("Follow up with Initech", adaToday, "Normal", "Not Started", ada.id());
        task("Prepare kickoff slides", adaToday.plusDays(1), "Normal", "In Progress", ada.id());
        task("Call Umbrella Corp about the go-live", adaToday, "Normal", "Completed", ada.id());
        task("Review the Hooli statement of work", graceToday, "High", "Not Started", grace.id());
    }

    /** Today's date where the user is: what "today" means to them. */
    static LocalDate today(Instant now, DemoUser user) {
        return now.atZone(ZoneId.of(user.zoneinfo())).toLocalDate();
    }

    private SObjectType define(SObjectType type) {
        objects.put(type.name().toLowerCase(Locale.ROOT), type);
        return type;
    }

    private SObjectType type(String name) {
        return object(name).orElseThrow();
    }

    /** Adds an opportunity; {@code amount} may be null, as in Salesforce. */
    void opportunity(String name, Double amount, LocalDate closeDate, String stage, String ownerId) {
        opportunity(name, amount, closeDate, stage, ownerId, null, null);
    }

    private String opportunity(String name, Double amount, LocalDate closeDate, String stage, String ownerId,
                               String accountId, String nextStep) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", name);
        values.put("Amount", amount);
        values.put("CloseDate", closeDate);
        values.put("StageName", stage);
        values.put("NextStep", nextStep);
        values.put("AccountId", accountId);
        values.put("OwnerId", ownerId);
        return type("Opportunity").insert(values);
    }

    /** Adds an event at {@code start} on {@code day} in the owner's zone; {@code location} may be null. */
    void event(String subject, DemoUser owner, LocalDate day, LocalTime start, int minutes, String location) {
        Instant begins = day.atTime(start).atZone(ZoneId.of(owner.zoneinfo())).toInstant();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Subject", subject);
        values.put("StartDateTime", begins);
        values.put("EndDateTime", begins.plusSeconds(60L * minutes));
        values.put("IsAllDayEvent", false);
        values.put("Location", location);
        values.put("OwnerId", owner.id());
        type("Event").insert(values);
    }

    /** Salesforce keeps an all-day event's times at midnight GMT of its date; the date is what counts. */
    private void allDayEvent(String subject, DemoUser owner, LocalDate day) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Subject", subject);
        values.put("StartDateTime", day.atStartOfDay(ZoneOffset.UTC).toInstant());
        values.put("EndDateTime", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        values.put("IsAllDayEvent", true);
        values.put("ActivityDate", day);
        values.put("OwnerId", owner.id());
        type("Event").insert(values);
    }

    private void task(String subject, LocalDate due, String priority, String status, String ownerId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Subject", subject);
        values.put("ActivityDate", due);
        values.put("Status", status);
        values.put("Priority", priority);
        values.put("OwnerId", ownerId);
        type("Task").insert(values);
    }

    private String account(String name, DemoUser owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", name);
        values.put("OwnerId", owner.id());
        return type("Account").insert(values);
    }

    private void contact(String first, String last, String accountId, DemoUser owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("FirstName", first);
        values.put("LastName", last);
        values.put("AccountId", accountId);
        values.put("OwnerId", owner.id());
        type("Contact").insert(values);
    }

    private void supportCase(String subject, String priority, String status, String ownerId) {
        SObjectType cases = type("Case");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("CaseNumber", String.format(Locale.ROOT, "%08d", 1001 + cases.records().size()));
        values.put("Subject", subject);
        values.put("Priority", priority);
        values.put("Status", status);
        values.put("OwnerId", ownerId);
        cases.insert(values);
    }

    /** An opportunity's {@code IsClosed} and {@code IsWon} follow its stage, as the org's stage list says. */
    private static Map<String, Object> stageFlags(Map<String, Object> record) {
        Optional<Stage> stage = STAGES.stream().filter(s -> s.label().equals(record.get("StageName"))).findFirst();
        Map<String, Object> out = with(record, "IsClosed", stage.map(Stage::closed).orElse(false));
        return with(out, "IsWon", stage.map(Stage::won).orElse(false));
    }

    /** A timed event's {@code ActivityDate} is its start's date in the owner's zone; an all-day event keeps its own. */
    private Map<String, Object> eventDate(Map<String, Object> record) {
        if (Boolean.TRUE.equals(record.get("IsAllDayEvent")) || !(record.get("StartDateTime") instanceof Instant s)) {
            return record;
        }
        ZoneId zone = userById(String.valueOf(record.get("OwnerId"))).map(u -> ZoneId.of(u.zoneinfo()))
                .orElse(ZoneOffset.UTC);
        return with(record, "ActivityDate", s.atZone(zone).toLocalDate());
    }

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(record);
        out.put(field, value);
        return out;
    }

    /** Object names are case-insensitive, as in SOQL. */
    Optional<SObjectType> object(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<DemoUser> users() {
        return users;
    }

    Optional<DemoUser> userById(String id) {
        return users.stream().filter(u -> SalesforceIds.same(u.id(), id)).findFirst();
    }

    /** A record in an approval process: nobody may edit it until the approval ends. */
    boolean locked(String recordId) {
        return lockedIds.stream().anyMatch(id -> SalesforceIds.same(id, recordId));
    }

    /** False for a user whose profile may read but not create or edit records. */
    boolean mayEdit(String userId) {
        return readOnlyUserIds.stream().noneMatch(id -> SalesforceIds.same(id, userId));
    }

    Optional<DemoUser> login(String username, String password) {
        return users.stream()
                .filter(u -> u.username().equalsIgnoreCase(username == null ? "" : username.trim()))
                .filter(u -> u.password().equals(password))
                .findFirst();
    }
}
