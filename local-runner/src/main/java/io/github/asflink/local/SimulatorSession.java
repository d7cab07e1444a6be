package io.github.asflink.local;

import com.google.gson.JsonObject;
import io.github.asflink.local.simulator.DialogPlayer;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser's simulator state, kept in the runner (never in the page): the link (the linked token and refresh
 * token in full, shown only masked), the timeline, the conversation, Alexa's directive-service token for this
 * "device" and the progressive responses the skill sent with it.
 */
final class SimulatorSession {
    static final int MAX_ITEMS = 60;

    final String id;
    final String pageToken;
    final String apiAccessToken;
    private final List<Step> timeline = new ArrayList<>();
    private final List<JsonObject> turns = new ArrayList<>();
    private final List<JsonObject> directives = new ArrayList<>();
    private String linkedToken;
    private String refreshToken;
    private Integer expiresIn;
    private TokenCalls.Scheme scheme = TokenCalls.Scheme.BASIC;
    private boolean screen;
    private TokenCalls.Scheme chosenScheme = TokenCalls.Scheme.BASIC;
    private boolean chosenPkce;
    private DialogPlayer player;

    SimulatorSession(String id, String pageToken, String apiAccessToken) {
        this.id = id;
        this.pageToken = pageToken;
        this.apiAccessToken = apiAccessToken;
    }

    synchronized void linked(String token, String refresh, Integer expires, TokenCalls.Scheme usedScheme) {
        this.linkedToken = token;
        if (refresh != null) {
            this.refreshToken = refresh;
        }
        this.expiresIn = expires;
        this.scheme = usedScheme;
    }

    synchronized String linkedToken() {
        return linkedToken;
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized Integer expiresIn() {
        return expiresIn;
    }

    synchronized TokenCalls.Scheme scheme() {
        return scheme;
    }

    /** What the page chose for its last link, so that it shows the same after the redirect back. */
    synchronized void chosen(TokenCalls.Scheme linkScheme, boolean pkce) {
        this.chosenScheme = linkScheme;
        this.chosenPkce = pkce;
    }

    synchronized TokenCalls.Scheme chosenScheme() {
        return chosenScheme;
    }

    synchronized boolean chosenPkce() {
        return chosenPkce;
    }

    synchronized boolean screen() {
        return screen;
    }

    synchronized void screen(boolean on) {
        this.screen = on;
    }

    synchronized DialogPlayer player() {
        return player;
    }

    synchronized void player(DialogPlayer newPlayer) {
        this.player = newPlayer;
    }

    synchronized void step(Step step) {
        add(timeline, step);
    }

    synchronized void clearTimeline() {
        timeline.clear();
    }

    synchronized List<Step> timeline() {
        return List.copyOf(timeline);
    }

    synchronized void turn(JsonObject turn) {
        add(turns, turn);
    }

    synchronized List<JsonObject> turns() {
        return List.copyOf(turns);
    }

    synchronized void directive(JsonObject directive) {
        add(directives, directive);
    }

    /** The directives recorded for one request id (the progressive responses sent while it was answered). */
    synchronized List<JsonObject> directivesFor(String requestId) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject d : directives) {
            if (requestId.equals(d.get("requestId").getAsString())) {
                out.add(d);
            }
        }
        return out;
    }

    private static <T> void add(List<T> list, T item) {
        list.add(item);
        while (list.size() > MAX_ITEMS) {
            list.remove(0);
        }
    }
}
