package io.github.asflink.token;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the JSON bodies Alexa reads: the token answer (RFC 6749 §5.1) and errors (§5.2). */
final class AlexaTokenResponse {

    private AlexaTokenResponse() {
    }

    static HttpApiResponse granted(String linkedToken, int expiresIn, String refreshToken, String scope) {
        return HttpApiResponse.json(200, write(json -> {
            json.name("access_token").value(linkedToken);
            json.name("token_type").value("Bearer");
            json.name("expires_in").value(expiresIn);
            if (refreshToken != null) {
                json.name("refresh_token").value(refreshToken);
            }
            if (scope != null) {
                json.name("scope").value(scope);
            }
        }), Map.of());
    }

    static HttpApiResponse error(TokenError error) {
        Map<String, String> headers = error.basicChallenge()
                ? Map.of("WWW-Authenticate", "Basic realm=\"token\"")
                : error.status() == 405 ? Map.of("Allow", "POST") : Map.of();
        return HttpApiResponse.json(error.status(), write(json -> {
            json.name("error").value(error.code());
            if (error.description() != null) {
                json.name("error_description").value(error.description());
            }
        }), headers);
    }

    private interface Members {
        void write(JsonWriter json) throws IOException;
    }

    private static String write(Members members) {
        StringWriter out = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            members.write(json);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
