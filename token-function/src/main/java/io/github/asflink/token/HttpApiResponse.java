package io.github.asflink.token;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP API payload 2.0 answer: status, headers and a JSON body. Every answer is marked as not cacheable. */
record HttpApiResponse(int statusCode, Map<String, String> headers, String body) {

    HttpApiResponse {
        headers = Map.copyOf(headers);
    }

    /** RFC 6749 §5.1: token answers (and errors) are never cached. */
    static HttpApiResponse json(int statusCode, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        headers.putAll(extraHeaders);
        return new HttpApiResponse(statusCode, headers, body);
    }

    void writeTo(OutputStream output) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        JsonWriter json = new JsonWriter(writer);
        json.beginObject();
        json.name("statusCode").value(statusCode);
        json.name("headers").beginObject();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            json.name(header.getKey()).value(header.getValue());
        }
        json.endObject();
        json.name("body").value(body);
        json.name("isBase64Encoded").value(false);
        json.endObject();
        json.flush();
    }

    @Override
    public String toString() {
        return "HttpApiResponse[statusCode=" + statusCode + "]";
    }
}
