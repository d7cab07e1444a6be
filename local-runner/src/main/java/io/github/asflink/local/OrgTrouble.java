package io.github.asflink.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.asflink.local.simulator.DialogPlayer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator page's "Break things": expire the access token, revoke the refresh token, slow the org down, take it
 * down or stall it (the demo org's switches), refresh now. Each is followed by what shows its effect: a skill call
 * (what the user would hear) and, where Alexa would make one, a refresh grant through {@code /token}.
 */
final class OrgTrouble {
    private final OrgSwitches org;
    private final TokenCalls tokens;
    private final SkillConversation conversation;

    OrgTrouble(OrgSwitches org, TokenCalls tokens, SkillConversation conversation) {
        this.org = org;
        this.tokens = tokens;
        this.conversation = conversation;
    }

    JsonObject apply(SimulatorSession session, JsonObject body) throws IOException {
        String action = JsonFields.string(body, "action");
        JsonObject result = new JsonObject();
        result.addProperty("action", action);
        JsonArray steps = new JsonArray();
        String token = session.linkedToken();
        boolean needsDemo = Set.of("expire", "slow", "down", "stall", "normal").contains(action);
        if (needsDemo && !org.demoControls()) {
            return JsonFields.error("only the embedded demo org has this switch (./asl serve --demo-org or "
                    + "./asl demo)");
        }
        if (!Set.of("slow", "down", "stall", "normal").contains(action) && token == null) {
            return JsonFields.error("link an account first");
        }
        boolean probe = true;
        boolean refresh = false;
        switch (action) {
            case "expire" -> {
                String salesforceToken = token.substring(0, Math.max(0, token.indexOf(' ')));
                boolean expired = org.control(Map.of("action", "expire", "token", salesforceToken))
                        .map(a -> a.get("expired").getAsBoolean()).orElse(false);
                result.addProperty("note", expired ? "The demo org ended the access token's session (a session "
                        + "timeout). Alexa still has the token and keeps sending it until expires_in passes."
                        : "The access token was not live any more.");
            }
            case "revoke" -> {
                steps.add(record(session, org.revoke(session.refreshToken())));
                refresh = true;
                result.addProperty("note", "Revoked in Salesforce: the next refresh gets invalid_grant and the "
                        + "skill's next call the re-link prompt.");
            }
            case "slow", "down", "stall", "normal" -> {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("action", action);
                form.put("delayMs", body.has("delayMs") ? JsonFields.string(body, "delayMs") : "4000");
                Optional<JsonObject> answer = org.control(form);
                result.addProperty("note", answer.map(a -> "The demo org is now " + describe(a)).orElse(
                        "The demo org did not take the switch."));
                probe = token != null && !action.equals("normal");
                refresh = probe;
            }
            case "refresh" -> {
                probe = false;
                refresh = true;
                result.addProperty("note", "Alexa's refresh grant, as it sends it when expires_in has passed.");
            }
            default -> {
                return JsonFields.error("unknown action");
            }
        }
        if (probe) {
            DialogPlayer.Turn turn = conversation.player(session).launch();
            JsonObject view = TurnView.render("(after \"" + action + "\") open the skill", turn, session);
            session.turn(view);
            result.add("turn", view);
        }
        if (refresh && session.refreshToken() != null) {
            TokenCalls.Answer answer = tokens.refresh(session.refreshToken(), session.scheme());
            if (answer.granted() != null) {
                JsonObject granted = answer.granted();
                session.linked(granted.get("access_token").getAsString(),
                        granted.has("refresh_token") ? granted.get("refresh_token").getAsString() : null,
                        granted.has("expires_in") ? granted.get("expires_in").getAsInt() : null, session.scheme());
                steps.add(record(session, answer.step().withNote("a new linked token; Alexa replaces the old one")));
            } else {
                steps.add(record(session, answer.step()));
            }
        }
        result.add("steps", steps);
        return result;
    }

    private static String describe(JsonObject control) {
        String mode = control.get("mode").getAsString();
        return switch (mode) {
            case "SLOW" -> "slow: every API answer waits " + control.get("delayMs").getAsLong() + " ms.";
            case "DOWN" -> "down: its API answers 503 SERVER_UNAVAILABLE.";
            case "STALL" -> "stalled: its API sends the headers, then nothing (for up to 30 s).";
            default -> "back to normal.";
        };
    }

    private static JsonElement record(SimulatorSession session, Step step) {
        session.step(step);
        return Http.GSON.toJsonTree(step);
    }
}
