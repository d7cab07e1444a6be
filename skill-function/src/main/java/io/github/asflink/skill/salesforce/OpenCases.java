package io.github.asflink.skill.salesforce;

import java.util.List;
import java.util.Optional;

/**
 * The user's open cases.
 *
 * @param count how many there are
 * @param top   up to three, highest priority first
 */
public record OpenCases(int count, List<CaseSummary> top) {

    public OpenCases {
        top = List.copyOf(top);
    }

    public record CaseSummary(String caseNumber, Optional<String> subject, Optional<String> priority) {
    }
}
