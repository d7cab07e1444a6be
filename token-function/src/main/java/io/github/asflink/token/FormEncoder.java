package io.github.asflink.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code application/x-www-form-urlencoded}, so {@code + / = & %} in codes and secrets arrive intact. */
final class FormEncoder {

    private FormEncoder() {
    }

    static String encode(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null || parameter.getValue().isEmpty()) {
                continue; // never send "null", "undefined" or empty values upstream
            }
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
