package io.github.asflink.local.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches typed words against the interaction model's samples, roughly as Alexa's language understanding would for
 * exact phrasings: every sample of every intent is a pattern ({@code {slot}} matches one or more words), the most
 * specific match wins (most literal text), a slot of type AMAZON.DATE only takes words that are a date. The built-in
 * intents the model lists get their usual phrasings; "open/ask &lt;invocation name&gt;" starts the skill.
 */
public final class UtteranceMatcher {

    /** What Alexa made of the words. */
    public sealed interface Heard permits Launch, IntentHeard, NotUnderstood {
    }

    /** "open salesforce link": a LaunchRequest. */
    public record Launch() implements Heard {
    }

    /** An intent, with the spoken words of each slot it filled (before resolution). */
    public record IntentHeard(String intent, Map<String, String> slots, String sample) implements Heard {
    }

    public record NotUnderstood() implements Heard {
    }

    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "AMAZON.HelpIntent", List.of("help", "help me", "what can you do", "what can i say", "what can i ask"),
            "AMAZON.StopIntent", List.of("stop", "off", "shut up", "quit", "exit", "goodbye", "bye"),
            "AMAZON.CancelIntent", List.of("cancel", "never mind", "nevermind", "forget it"),
            "AMAZON.NavigateHomeIntent", List.of("go home", "home"),
            "AMAZON.YesIntent", List.of("yes", "yeah", "yep", "sure", "ok", "okay", "yes please"),
            "AMAZON.NoIntent", List.of("no", "nope", "no thanks", "no thank you"));

    private record Sample(String intent, String text, Pattern pattern, List<String> slots, int literalLength) {
    }

    private final InteractionModel model;
    private final Supplier<LocalDate> today;
    private final List<Sample> samples = new ArrayList<>();

    public UtteranceMatcher(InteractionModel model, Supplier<LocalDate> today) {
        this.model = model;
        this.today = today;
        for (InteractionModel.Intent intent : model.intents().values()) {
            List<String> phrasings = new ArrayList<>(intent.samples());
            phrasings.addAll(BUILT_IN.getOrDefault(intent.name(), List.of()));
            for (String sample : phrasings) {
                samples.add(compile(intent.name(), sample));
            }
        }
    }

    /** The words as Alexa would take them when no dialog is waiting for an answer. */
    public Heard hear(String utterance) {
        String words = clean(utterance);
        String invocation = model.invocationName() == null ? "" : model.invocationName().toLowerCase(Locale.ROOT);
        String lower = words.toLowerCase(Locale.ROOT);
        for (String opener : List.of("open ", "launch ", "start ", "talk to ", "")) {
            if (!invocation.isEmpty() && lower.equals(opener + invocation)) {
                return new Launch();
            }
        }
        for (String asker : List.of("ask ", "tell ")) {
            String prefix = asker + invocation + " ";
            if (!invocation.isEmpty() && lower.startsWith(prefix)) {
                words = words.substring(prefix.length()).replaceFirst("(?i)^(to|for|about|if|whether) ", "");
                break;
            }
        }
        Optional<IntentHeard> best = best(samples, words);
        if (best.isPresent()) {
            return best.get();
        }
        return model.intents().containsKey("AMAZON.FallbackIntent")
                ? new IntentHeard("AMAZON.FallbackIntent", Map.of(), "")
                : new NotUnderstood();
    }

    /**
     * The words as an answer to "which {slot}?": the intent's own samples, the slot's samples ("on {date}"), or the
     * bare words as the slot's value. Empty when they fit none (a date slot given words that are no date).
     */
    public Optional<Map<String, String>> answer(InteractionModel.Intent intent, String slot, String utterance) {
        String words = clean(utterance);
        List<Sample> own = new ArrayList<>();
        for (String sample : intent.samples()) {
            own.add(compile(intent.name(), sample));
        }
        intent.slot(slot).ifPresent(s -> s.samples().forEach(sample -> own.add(compile(intent.name(), sample))));
        own.add(compile(intent.name(), "{" + slot + "}"));
        return best(own, words).map(IntentHeard::slots).filter(slots -> !slots.isEmpty());
    }

    public static boolean yes(String utterance) {
        return BUILT_IN.get("AMAZON.YesIntent").contains(clean(utterance).toLowerCase(Locale.ROOT));
    }

    public static boolean no(String utterance) {
        return BUILT_IN.get("AMAZON.NoIntent").contains(clean(utterance).toLowerCase(Locale.ROOT));
    }

    private Optional<IntentHeard> best(List<Sample> candidates, String words) {
        IntentHeard best = null;
        int bestLength = -1;
        for (Sample sample : candidates) {
            Matcher m = sample.pattern().matcher(words);
            if (!m.matches() || sample.literalLength() <= bestLength) {
                continue;
            }
            Map<String, String> slots = new LinkedHashMap<>();
            boolean fits = true;
            for (int i = 0; i < sample.slots().size(); i++) {
                String name = sample.slots().get(i);
                String value = m.group(i + 1).strip();
                fits &= fitsType(sample.intent(), name, value);
                slots.put(name, value);
            }
            if (fits) {
                best = new IntentHeard(sample.intent(), slots, sample.text());
                bestLength = sample.literalLength();
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean fitsType(String intentName, String slot, String value) {
        String type = model.intent(intentName).flatMap(i -> i.slot(slot)).map(InteractionModel.Slot::type)
                .orElse("AMAZON.SearchQuery");
        return switch (type) {
            case "AMAZON.DATE" -> SpokenDate.resolve(value, today.get()).isPresent();
            case "AMAZON.NUMBER" -> value.matches("-?\\d+");
            default -> true;
        };
    }

    private static Sample compile(String intent, String sample) {
        StringBuilder regex = new StringBuilder();
        List<String> slots = new ArrayList<>();
        int literal = 0;
        for (String token : clean(sample).split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!regex.isEmpty()) {
                regex.append("\\s+");
            }
            if (token.startsWith("{") && token.endsWith("}")) {
                slots.add(token.substring(1, token.length() - 1));
                regex.append("(.+?)");
            } else {
                regex.append(Pattern.quote(token));
                literal += token.length();
            }
        }
        return new Sample(intent, sample, Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), List.copyOf(slots), literal);
    }

    /** Trailing punctuation and commas dropped, runs of whitespace made one space. */
    static String clean(String text) {
        return text == null ? "" : text.replace(",", " ").replaceAll("[?!.]+\\s*$", "").replaceAll("\\s+", " ")
                .strip();
    }
}
