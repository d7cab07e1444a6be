package io.github.asflink.local.demoorg;

/** A seeded user of the demo org. The password is a demo value shown on the login page. */
public record DemoUser(String id, String username, String password, String givenName, String familyName,
                String locale, String zoneinfo) {

    String name() {
        return givenName + " " + familyName;
    }

    @Override
    public String toString() {
        return "DemoUser[" + username + "]";
    }
}
