package io.github.asflink.local;

import java.util.Map;

/**
 * One step of the linking timeline as the simulator page shows it: the request and the answer, secrets masked, how
 * long it took, a note and, when it failed, why and what to change. Fields may be null when they do not apply.
 */
record Step(String title, String method, String url, Map<String, String> requestHeaders, String requestBody,
            int status, Map<String, String> responseHeaders, String responseBody, long millis, String note,
            String why, String fix, boolean ok) {

    static Step note(String title, String note, boolean ok) {
        return new Step(title, null, null, Map.of(), null, 0, Map.of(), null, 0, note, null, null, ok);
    }

    Step withNote(String text) {
        return new Step(title, method, url, requestHeaders, requestBody, status, responseHeaders, responseBody, millis,
                text, why, fix, ok);
    }

    Step withDiagnosis(String whyText, String fixText) {
        return new Step(title, method, url, requestHeaders, requestBody, status, responseHeaders, responseBody, millis,
                note, whyText, fixText, false);
    }
}
