package io.github.asflink.skill.salesforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The user's day: all-day events, timed events in start order and open tasks due, each as many as Salesforce gave (at
 * most {@link #LIMIT}; a list that long may have been cut).
 *
 * @param day the day asked about, in the user's zone
 */
public record Agenda(LocalDate day, List<String> allDay, List<TimedEvent> timed, List<DueTask> tasks) {

    /** Each query's LIMIT. */
    public static final int LIMIT = 10;

    public Agenda {
        allDay = List.copyOf(allDay);
        timed = List.copyOf(timed);
        tasks = List.copyOf(tasks);
    }

    /** Whether any list came back full, so there may be more than counted. */
    public boolean maybeMore() {
        return allDay.size() >= LIMIT || timed.size() >= LIMIT || tasks.size() >= LIMIT;
    }

    public int size() {
        return allDay.size() + timed.size() + tasks.size();
    }

    public record TimedEvent(String subject, OffsetDateTime start, Optional<String> location) {
    }

    public record DueTask(String subject, Optional<String> priority) {
    }
}
