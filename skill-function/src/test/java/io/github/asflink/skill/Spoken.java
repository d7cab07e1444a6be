package io.github.asflink.skill;

/**
 * What the skill says, written out word for word: the tests pin the user-visible answers, so changing the skill's
 * words fails them until this file agrees.
 */
final class Spoken {

    static final String WHAT_YOU_CAN_SAY = "You can ask about your agenda, your pipeline, your open cases or a deal "
            + "by name, move a deal's stage, log a call, or say remind me to call Ada.";
    static final String ANYTHING_ELSE = "Anything else?";
    static final String ANYTHING_ELSE_REPROMPT = "Anything else? " + WHAT_YOU_CAN_SAY;
    static final String REPROMPT = "What would you like to do?";
    static final String LINK_ACCOUNT = "To use Salesforce Link, please link your Salesforce account. "
            + "I've sent a card to the Alexa app to help you do that.";
    static final String RELINK_ACCOUNT = "Your Salesforce sign-in has expired. Please link your Salesforce account "
            + "again; I've sent a card to the Alexa app to help you do that.";
    static final String SALESFORCE_TROUBLE = "Sorry, I couldn't get an answer from Salesforce just now. "
            + "Please try again in a moment.";
    static final String HELP = "Salesforce Link reads your Salesforce agenda, deals and cases, moves deals along and "
            + "logs your calls. " + WHAT_YOU_CAN_SAY + " What would you like?";
    static final String FALLBACK = "Sorry, I can't help with that. " + WHAT_YOU_CAN_SAY;
    static final String GOODBYE = "Goodbye.";
    static final String REMINDER_DECLINED = "Okay, I won't create that reminder.";
    static final String ASK_REMINDER_SUBJECT = "What should I remind you to do?";
    static final String ASK_REMINDER_DATE = "On which day? For example, tomorrow, or next Friday.";

    private Spoken() {
    }
}
