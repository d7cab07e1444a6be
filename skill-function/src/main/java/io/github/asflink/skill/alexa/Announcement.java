package io.github.asflink.skill.alexa;

/**
 * What Alexa says while the skill waits for Salesforce, as a progressive response. Short and fixed: well inside the
 * 600 characters Alexa allows, and nothing from the user or Salesforce in it.
 */
public enum Announcement {

    /** Before a search: finding a deal, resolving who a call was with. */
    CHECKING("Let me check Salesforce."),
    /** Before a change: moving a stage, logging a call. */
    UPDATING("One moment, I'm updating Salesforce.");

    private final String ssml;

    Announcement(String text) {
        this.ssml = "<speak>" + text + "</speak>";
    }

    /** The SSML Alexa speaks. */
    public String ssml() {
        return ssml;
    }
}
