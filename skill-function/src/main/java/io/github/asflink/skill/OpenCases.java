package io.github.asflink.skill;

import java.util.List;
import java.util.Optional;

/**
 * The user's open cases.
 *
 * @param count how many there are
 * @param top   up to three, highest priority first
 */
record OpenCases(int count, List<CaseSummary> top) {

    OpenCases {
        top = List.copyOf(top);
    }

    record CaseSummary(String caseNumber, Optional<String> subject, Optional<String> priority) {
    }
}
