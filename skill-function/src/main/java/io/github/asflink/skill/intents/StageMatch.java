package io.github.asflink.skill.intents;

import io.github.asflink.skill.salesforce.OrgStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the org's own stages the user named. The interaction model's stage values are only samples: orgs rename,
 * add and drop stages, so the spoken words are matched against the org's labels, never trusted as a resolution. A
 * stage matches when every spoken word starts a word of its label: "negotiation" is "Negotiation/Review", "closed won"
 * is "Closed Won", "closed" is both closed stages.
 */
final class StageMatch {

    /** Words that say nothing about which stage: "to the negotiation stage". */
    private static final Set<String> IGNORED = Set.of("stage", "the", "to");
    /** Labels and speech are compared word by word, letters and digits only ("Id. Decision Makers"). */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

    private StageMatch() {
    }

    /** The words of a spoken stage that can match a label; empty when nothing but filler was said. */
    static List<String> words(String spoken) {
        List<String> words = new ArrayList<>();
        for (String word : split(spoken)) {
            if (!IGNORED.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The stages the words name, in the org's order. When several match but one label is exactly the words said
     * ("Closed" beside "Closed Won"), that one is meant.
     */
    static List<OrgStage> matching(List<String> words, List<OrgStage> stages) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<OrgStage> matches = new ArrayList<>();
        for (OrgStage stage : stages) {
            List<String> label = split(stage.label());
            if (words.stream().allMatch(word -> label.stream().anyMatch(part -> part.startsWith(word)))) {
                matches.add(stage);
            }
        }
        if (matches.size() > 1) {
            List<OrgStage> exact = matches.stream().filter(stage -> split(stage.label()).equals(words)).toList();
            if (exact.size() == 1) {
                return exact;
            }
        }
        return matches;
    }

    private static List<String> split(String text) {
        return Arrays.stream(SEPARATOR.split(text.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty())
                .toList();
    }
}
