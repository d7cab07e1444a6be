package io.github.asflink.skill.alexa;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Directive;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.interfaces.alexa.presentation.apl.AlexaPresentationAplInterface;
import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list answer on a screen: the skill's one APL document ({@code apl/list.json}, a title over rows of primary,
 * secondary and value text), with the list as its data source. Devices without APL get nothing, and the speech is
 * the same either way. The texts are plain (never SSML): what Salesforce holds, control characters made spaces.
 */
public final class ListScreen {

    /** The RenderDocument token; a later APL command or event for this screen names it. */
    public static final String TOKEN = "salesforce-list";
    /** The most rows a screen shows; the speech names at most a few, the screen shows what came back. */
    public static final int MAX_ROWS = 10;
    /** The APL version the document is written for; an older runtime gets no screen. */
    static final String DOCUMENT_VERSION = "1.4";
    static final String DOCUMENT = "/apl/list.json";
    /** Longer texts are cut: a row shows one line of each anyway. */
    static final int MAX_TEXT = 160;

    private final ObjectMapper json;
    /** The document's text, read from the jar on the first screen of this execution environment. */
    private volatile String document;

    public ListScreen(ObjectMapper json) {
        this.json = json;
    }

    /** One row: what it is, a detail under it, and a value on the right (an amount, a time); any may be empty. */
    public record Row(String primary, String secondary, String value) {

        public Row {
            primary = plain(primary);
            secondary = plain(secondary);
            value = plain(value);
        }

        void addTo(ArrayNode rows) {
            rows.addObject().put("primary", primary).put("secondary", secondary).put("value", value);
        }
    }

    /**
     * The RenderDocument directive for this list, or empty when the device cannot show APL (or only an older
     * version). At most {@link #MAX_ROWS} rows are sent.
     */
    public Optional<Directive> forList(HandlerInput input, String title, List<Row> rows) {
        if (!showsApl(input.getRequestEnvelope())) {
            return Optional.empty();
        }
        // As JSON nodes, not maps: the SDK's serializer drops empty strings from maps, and a row keeps all three.
        ObjectNode list = json.createObjectNode().put("title", plain(title));
        ArrayNode listRows = list.putArray("rows");
        rows.stream().limit(MAX_ROWS).forEach(row -> row.addTo(listRows));
        Map<String, Object> datasources = new LinkedHashMap<>();
        datasources.put("list", list);
        return Optional.of(RenderDocumentDirective.builder()
                .withToken(TOKEN)
                .withDocument(document())
                .withDatasources(datasources)
                .build());
    }

    /** {@code context.System.device.supportedInterfaces} names APL, at the document's version or later. */
    static boolean showsApl(RequestEnvelope envelope) {
        if (envelope.getContext() == null || envelope.getContext().getSystem() == null
                || envelope.getContext().getSystem().getDevice() == null
                || envelope.getContext().getSystem().getDevice().getSupportedInterfaces() == null) {
            return false;
        }
        AlexaPresentationAplInterface apl =
                envelope.getContext().getSystem().getDevice().getSupportedInterfaces().getAlexaPresentationAPL();
        if (apl == null) {
            return false;
        }
        String maxVersion = apl.getRuntime() == null ? null : apl.getRuntime().getMaxVersion();
        return maxVersion == null || atLeast(maxVersion, DOCUMENT_VERSION);
    }

    /** "1.9" or "2023.3" against "1.4"; an unreadable version is taken as new enough (the device said APL). */
    static boolean atLeast(String version, String wanted) {
        String[] have = version.trim().split("\\.");
        String[] want = wanted.split("\\.");
        try {
            for (int i = 0; i < want.length; i++) {
                int part = i < have.length ? Integer.parseInt(have[i]) : 0;
                int needed = Integer.parseInt(want[i]);
                if (part != needed) {
                    return part > needed;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** A fresh copy per answer: the SDK's model holds it as a plain map, and no answer may change another's. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> document() {
        String text = document;
        if (text == null) {
            text = read();
            document = text;
        }
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read() {
        try (InputStream in = ListScreen.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the function");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null as empty, control characters and runs of white space as one space, cut at {@link #MAX_TEXT}. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (flat.length() <= MAX_TEXT) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
        return flat.substring(0, end).strip() + "\u2026";
    }
}
