package io.github.asflink.local.simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * Plain words for a failed step: what went wrong and what to change, keyed on the real answers (the token function's
 * RFC 6749 error and description, the authorize redirect's error, the skill's spoken answer and card). The same
 * diagnoses as the troubleshooting guide.
 *
 * @param why what happened, for a person
 * @param fix what to change
 */
public record Diagnosis(String why, String fix) {

    /** The token function answered {@code status} with {@code error}/{@code description} (either may be null). */
    public static Optional<Diagnosis> tokenAnswer(int status, String error, String description, boolean pkceSent,
                                                  String grantType) {
        String e = lower(error);
        String d = lower(description);
        if (status == 200) {
            return Optional.empty();
        }
        if (e.equals("redirect_uri_mismatch")) {
            return of("Salesforce refused the redirect URI: it is not among the connected app's Callback URLs.",
                    "Add this page's callback URL (and the three Alexa redirect URLs from the skill's account "
                            + "linking page) to the app's Callback URL list, then link again.");
        }
        if (e.equals("invalid_grant") && d.contains("code verifier")) {
            return pkceSent
                    ? of("Salesforce did not accept the PKCE code_verifier for this code.",
                    "Link again (a verifier belongs to one authorize request); if it repeats, check nothing "
                            + "rewrites the code_challenge.")
                    : of("PKCE is required: the app (External Client Apps require it by default) expects a "
                            + "code_verifier and this request sent none.",
                    "Turn on PKCE here, and in the skill's account linking settings in the Alexa console.");
        }
        if (e.equals("invalid_grant") && grantType.equals("refresh_token")) {
            return of("Salesforce no longer accepts the refresh token: it was revoked, expired under the app's "
                            + "refresh token policy, or pushed out (at most five per user and app).",
                    "The user has to link again; Alexa shows the link prompt. Check the app's refresh token "
                            + "policy (\"valid until revoked\" or a long idle expiry).");
        }
        if (e.equals("invalid_grant")) {
            return of("Salesforce refused the authorization code: it was used already or is older than 15 "
                            + "minutes (" + (description == null ? "invalid_grant" : description) + ").",
                    "Start the link again; a code works once.");
        }
        if (e.equals("invalid_client") && d.contains("not allowed")) {
            return of("The token function refused the client id before calling Salesforce: it is not in "
                            + "ALLOWED_CLIENT_IDS.",
                    "Set AllowedClientIds (ALLOWED_CLIENT_IDS locally) to the app's consumer key.");
        }
        if (e.equals("invalid_client") || e.equals("invalid_client_id")) {
            return of("Salesforce does not know this client: the consumer key or secret is wrong.",
                    "Paste the connected app's Consumer Key and Consumer Secret again (in the Alexa console, and "
                            + "SALESFORCE_CLIENT_ID / SALESFORCE_CLIENT_SECRET here).");
        }
        if (e.equals("invalid_scope") || d.contains("scope")) {
            return of("Salesforce refused the requested scope.",
                    "Give the app the scopes api, refresh_token and id (offline_access), and list the same in "
                            + "the skill's account linking scopes.");
        }
        if (d.contains("jwt")) {
            return of("Salesforce issued a JWT-based access token: no instance_url, no signature, too long for "
                    + "Alexa.", "Turn off Issue JSON Web Token (JWT)-based access tokens in the app's OAuth "
                    + "settings and link again.");
        }
        if (d.contains("not an allowed salesforce origin")) {
            return of("The org's instance URL is outside the allowed list.",
                    "Add it on both functions: InstanceUrlAllowlist=default,https://your.host");
        }
        if (status == 504 || d.contains("did not answer in time")) {
            return of("Salesforce did not answer the token request in time; Alexa keeps the link (a 5xx) and "
                            + "tries again later.",
                    "Check Salesforce's status (here: the demo org is slow or stalled). Raise UpstreamTimeoutMs "
                            + "(at most 3500) only if calls are usually just over it.");
        }
        if (status >= 500) {
            return of("Salesforce is unavailable or answered with an error (" + status + " "
                            + (error == null ? "" : error) + "); Alexa keeps the link and tries again later.",
                    "Nothing to change in the app; wait for Salesforce (here: switch the demo org back to normal).");
        }
        return of("The token request failed: " + status + " " + (error == null ? "" : error) + " "
                + (description == null ? "" : description), "See the token function's token_request log line.");
    }

    /** The org's authorize page redirected back with {@code error} instead of a code. */
    public static Diagnosis authorizeError(String error, String description) {
        String e = lower(error);
        String d = lower(description);
        if (e.equals("redirect_uri_mismatch") || d.contains("redirect_uri")) {
            return new Diagnosis("The callback URL is not registered on the connected app.",
                    "Add this page's callback URL to the app's Callback URLs.");
        }
        if (e.equals("access_denied")) {
            return new Diagnosis("The user did not allow access (or the app is not allowed for the user's profile).",
                    "Allow access on the consent page; an admin can pre-authorize the app for the profile.");
        }
        if (e.equals("invalid_scope") || d.contains("scope")) {
            return new Diagnosis("The app does not have a scope this request asks for.",
                    "Give the app the scopes api, refresh_token and id, matching the skill's scope list.");
        }
        if (d.contains("code_challenge") || d.contains("pkce")) {
            return new Diagnosis("The app requires PKCE and this authorize request had no code_challenge.",
                    "Turn on PKCE here and in the skill's account linking settings.");
        }
        return new Diagnosis("The org refused the authorize request: " + error + ".",
                "Check the connected app's OAuth settings.");
    }

    /** What the skill answered, as text; {@code card} the card type or empty. */
    public static Optional<Diagnosis> skillAnswer(int status, String speech, String card) {
        String s = lower(speech);
        if (status != 200) {
            return of("The skill function failed (HTTP " + status + "): it threw or ran past its Timeout.",
                    "Read its log lines on the runner's stderr.");
        }
        if (s.contains("sign-in has expired")) {
            return of("The Salesforce session behind the linked token is dead: userinfo answered 403 "
                            + "Bad_OAuth_Token or the data API 401 INVALID_SESSION_ID (it expired or was revoked). "
                            + "Alexa shows the LinkAccount card.",
                    "Alexa refreshes only after expires_in: if the org's session timeout is shorter than "
                            + "TokenExpiresIn, lower TokenExpiresIn below it. Try \"Refresh now\", or link again.");
        }
        if (s.contains("please link your salesforce account") || card.equals("LinkAccount")) {
            return of("Alexa has no linked token for this user, so the skill asks to link.",
                    "Link the account first.");
        }
        if (s.contains("couldn't get an answer from salesforce")) {
            return of("Salesforce was too slow (over SalesforceTimeoutMs) or answered 5xx; the skill apologised "
                    + "instead of waiting past Alexa's limit.", "Check Salesforce's status (here: the demo org's "
                    + "outage switch). The link itself is fine.");
        }
        if (s.contains("something went wrong on my side")) {
            return of("The skill hit an unexpected error and apologised.",
                    "Read the skill's log line (error class) on the runner's stderr.");
        }
        return Optional.empty();
    }

    private static Optional<Diagnosis> of(String why, String fix) {
        return Optional.of(new Diagnosis(why, fix));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
