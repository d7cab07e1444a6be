package io.github.asflink.skill;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.exception.AskSdkException;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.request.SkillRequest;
import com.amazon.ask.response.SkillResponse;
import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outermost guard. What escapes the skill reaches Lambda's error log with its whole cause chain, and a Jackson
 * parse error quotes the start of the request it failed on, which holds the user's access token. So an escaping
 * exception is replaced by one that names only the exception classes, and the request still gets its log line.
 * Handler failures never get here: {@link ApologyExceptionHandler} answers those.
 */
final class RedactingSkill implements AlexaSkill<RequestEnvelope, ResponseEnvelope> {

    private final AlexaSkill<RequestEnvelope, ResponseEnvelope> skill;
    private final TurnLog log;

    RedactingSkill(AlexaSkill<RequestEnvelope, ResponseEnvelope> skill, TurnLog log) {
        this.skill = skill;
        this.log = log;
    }

    @Override
    public SkillResponse<ResponseEnvelope> execute(SkillRequest request, Object context) {
        try {
            return skill.execute(request, context);
        } catch (RuntimeException e) {
            String classes = causeClasses(e);
            log(context, classes);
            throw new AskSdkException("request failed: " + classes);
        }
    }

    /** {@code com.amazon.ask.exception.AskSdkException <- com.fasterxml...JsonParseException}. */
    private static String causeClasses(Throwable error) {
        StringBuilder classes = new StringBuilder(error.getClass().getName());
        int depth = 0;
        for (Throwable cause = error.getCause(); cause != null && depth < 5; cause = cause.getCause(), depth++) {
            classes.append(" <- ").append(cause.getClass().getName());
        }
        return classes.toString();
    }

    private void log(Object context, String classes) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(Turn.Field.LEVEL.key(), "ERROR");
        if (context instanceof Context lambda) {
            line.put(Turn.Field.REQUEST_ID.key(), lambda.getAwsRequestId());
        }
        line.put(Turn.Field.OUTCOME.key(), Turn.Outcome.FAILED.name());
        line.put(Turn.Field.EXCEPTION.key(), classes);
        log.write(context, line);
    }
}
