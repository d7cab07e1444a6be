package io.github.asflink.local;

import com.google.gson.JsonObject;

/** Reading the page's JSON requests leniently (a missing or odd member reads as empty or false), and error answers. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonObject error(String message) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        return error;
    }

    static String string(JsonObject body, String name) {
        return body.has(name) && body.get(name).isJsonPrimitive() ? body.get(name).getAsString() : "";
    }

    static boolean bool(JsonObject body, String name) {
        return body.has(name) && body.get(name).isJsonPrimitive() && body.get(name).getAsJsonPrimitive().isBoolean()
                && body.get(name).getAsBoolean();
    }
}
