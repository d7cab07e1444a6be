package io.github.asflink.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.interceptor.ResponseInterceptor;
import com.amazon.ask.model.Response;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes each request's {@link Turn} as one JSON line through the Lambda logger. Runs as the last response interceptor;
 * the exception handler calls {@link #write} itself, since interceptors do not run after it.
 */
final class TurnLog implements ResponseInterceptor {

    private final ObjectMapper json;

    TurnLog(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Response> processResponse(HandlerInput input, Optional<Response> response) {
        write(input);
        return response;
    }

    void write(HandlerInput input) {
        Turn turn = Turn.of(input);
        if (!turn.markWritten()) {
            return;
        }
        Context context = input.getContext() instanceof Context lambda ? lambda : null;
        Map<String, Object> line = new LinkedHashMap<>();
        turn.fields(context == null ? null : context.getAwsRequestId())
                .forEach((field, value) -> line.put(field.key(), value));
        write(input.getContext(), line);
    }

    /** Writes one line through the Lambda logger at the line's own level (stdout when there is no Lambda context). */
    void write(Object context, Map<String, Object> line) {
        String text;
        try {
            text = json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"ERROR\",\"problem\":\"log line not serializable\"}";
        }
        LogLevel level = LogLevel.fromString(String.valueOf(line.get(Turn.Field.LEVEL.key())));
        if (context instanceof Context lambda && lambda.getLogger() != null) {
            lambda.getLogger().log(text, level);
        } else {
            System.out.println(text);
        }
    }
}
