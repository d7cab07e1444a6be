package io.github.asflink.local.demoorg;

import io.github.asflink.local.demoorg.SObjectType.Field;
import io.github.asflink.local.demoorg.SObjectType.FieldType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo org's seeded users and records: a small, believable data set. Close dates are relative to today, so the
 * "next opportunity to close" is always in the future. Some subjects carry {@code &}, {@code <} and quotes on purpose:
 * the skill must escape them for SSML.
 */
public final class DemoData {
    public static final String ORG_ID = SalesforceIds.of("00D", "5g00000DEMO", 1);
    public static final String DEMO_PASSWORD = "demo";
    /** The org's corporate currency ({@code Organization.DefaultCurrencyIsoCode}). */
    public static final String CURRENCY = "USD";

    private final List<DemoUser> users;
    private final Map<String, SObjectType> objects = new LinkedHashMap<>();

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
        data.define(new SObjectType("Opportunity", "006", List.of(
                Field.of("Id", FieldType.ID), Field.of("Name", FieldType.STRING),
                Field.of("Amount", FieldType.CURRENCY), Field.of("CloseDate", FieldType.DATE),
                new Field("StageName", FieldType.PICKLIST, List.of("Prospecting", "Qualification",
                        "Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review",
                        "Closed Won", "Closed Lost")),
                Field.of("OwnerId", FieldType.ID), Field.of("IsClosed", FieldType.BOOLEAN))));
        data.define(new SObjectType("Case", "500", List.of(
                Field.of("Id", FieldType.ID), Field.of("CaseNumber", FieldType.STRING),
                Field.of("Subject", FieldType.STRING),
                new Field("Priority", FieldType.PICKLIST, List.of("High", "Medium", "Low")),
                new Field("Status", FieldType.PICKLIST, List.of("New", "Working", "Escalated", "Closed")),
                Field.of("OwnerId", FieldType.ID), Field.of("IsClosed", FieldType.BOOLEAN))));
        data.define(new SObjectType("Task", "00T", List.of(
                Field.of("Id", FieldType.ID), Field.of("Subject", FieldType.STRING),
                Field.of("ActivityDate", FieldType.DATE),
                new Field("Status", FieldType.PICKLIST, List.of("Not Started", "In Progress", "Completed")),
                new Field("Priority", FieldType.PICKLIST, List.of("High", "Normal", "Low")),
                Field.of("OwnerId", FieldType.ID), Field.of("Description", FieldType.STRING),
                Field.of("IsClosed", FieldType.BOOLEAN))));
        // A single-currency org: no CurrencyIsoCode on any record, the corporate currency on the Organization.
        data.define(new SObjectType("Organization", "00D", List.of(
                Field.of("Id", FieldType.ID), Field.of("Name", FieldType.STRING),
                Field.of("DefaultCurrencyIsoCode", FieldType.STRING))));
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("Name", "Demo Org");
        organization.put("DefaultCurrencyIsoCode", CURRENCY);
        if (!data.object("Organization").orElseThrow().insert(organization).equals(ORG_ID)) {
            throw new IllegalStateException("the Organization record must carry the org id");
        }

        LocalDate today = LocalDate.now(clock);
        String ada = users.get(0).id();
        String grace = users.get(1).id();
        data.opportunity("Acme Corp - 500 Widgets", 125_000.00, today.plusDays(12), "Negotiation/Review", ada);
        data.opportunity("Globex & Sons renewal", 48_000.50, today.plusDays(5), "Proposal/Price Quote", ada);
        data.opportunity("Initech <Pilot> expansion", 9_900.00, today.plusDays(40), "Qualification", ada);
        data.opportunity("Umbrella Corp migration", 300_000.00, today.minusDays(20), "Closed Won", ada);
        data.opportunity("Hooli cloud rollout", 250_000.00, today.plusDays(30), "Prospecting", grace);
        data.opportunity("Stark Industries support", 75_000.00, today.plusDays(3), "Value Proposition", grace);

        data.supportCase("Export drops \"quoted\" fields", "Low", "New", ada);
        data.supportCase("Login fails for R&D team", "High", "New", ada);
        data.supportCase("Invoice shows <null> for totals", "Medium", "Working", ada);
        data.supportCase("Password reset email delayed", "High", "Escalated", ada);
        data.supportCase("Printer on fire", "High", "Closed", ada);
        data.supportCase("API limits & throttling question", "Medium", "New", grace);
        return data;
    }

    private void define(SObjectType type) {
        objects.put(type.name().toLowerCase(Locale.ROOT), type);
    }

    /** Adds an opportunity; {@code amount} may be null, as in Salesforce. */
    void opportunity(String name, Double amount, LocalDate closeDate, String stage, String ownerId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", name);
        values.put("Amount", amount);
        values.put("CloseDate", closeDate);
        values.put("StageName", stage);
        values.put("OwnerId", ownerId);
        values.put("IsClosed", stage.startsWith("Closed"));
        object("Opportunity").orElseThrow().insert(values);
    }

    private void supportCase(String subject, String priority, String status, String ownerId) {
        SObjectType cases = object("Case").orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("CaseNumber", String.format(Locale.ROOT, "%08d", 1001 + cases.records().size()));
        values.put("Subject", subject);
        values.put("Priority", priority);
        values.put("Status", status);
        values.put("OwnerId", ownerId);
        values.put("IsClosed", status.equals("Closed"));
        cases.insert(values);
    }

    /** Object names are case-insensitive, as in SOQL. */
    Optional<SObjectType> object(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<DemoUser> users() {
        return users;
    }

    Optional<DemoUser> userById(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    Optional<DemoUser> login(String username, String password) {
        return users.stream()
                .filter(u -> u.username().equalsIgnoreCase(username == null ? "" : username.trim()))
                .filter(u -> u.password().equals(password))
                .findFirst();
    }
}
