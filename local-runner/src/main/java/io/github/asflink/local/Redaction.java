package io.github.asflink.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Secrets masked (see {@link Mask}) in what the simulator page shows: form bodies, headers and JSON. A linked token
 * keeps its instance URL readable; only its Salesforce part is masked.
 */
final class Redaction {
    private static final Set<String> SECRET_FIELDS = Set.of("code", "client_secret", "refresh_token",
            "code_verifier", "access_token", "accesstoken", "apiaccesstoken", "id_token", "token");

    private Redaction() {
    }

    /** {@code a=1&code=aPrxIg…}: decoded, masked, readable (not for sending). */
    static String form(String encoded) {
        StringBuilder out = new StringBuilder();
        Http.parseForm(encoded).forEach((name, value) -> {
            out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                    .append(SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) ? masked(value) : value);
        });
        return out.toString();
    }

    static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, name.equalsIgnoreCase("authorization")
                ? authorization(value) : value));
        return out;
    }

    static String authorization(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? Mask.secret(value) : value.substring(0, space + 1) + Mask.secret(value.substring(space + 1));
    }

    /** A deep copy with every secret-named member masked. */
    static JsonElement json(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return element;
        }
        JsonElement copy = element.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonElement element) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(Redaction::mask);
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (String name : object.keySet()) {
                JsonElement value = object.get(name);
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) && value.isJsonPrimitive()) {
                    object.addProperty(name, masked(value.getAsString()));
                } else {
                    mask(value);
                }
            }
        }
    }

    /** A linked token ({@code token instanceUrl}) shows its instance URL; anything else is masked whole. */
    static String masked(String value) {
        int space = value == null ? -1 : value.lastIndexOf(' ');
        if (space > 0 && value.substring(space + 1).contains("://")) {
            return Mask.secret(value.substring(0, space)) + " " + value.substring(space + 1);
        }
        return Mask.secret(value);
    }
}
