package io.github.asflink.skill.salesforce;

import java.util.function.Function;

/** What one Salesforce operation produced: the typed value, or a typed failure. Never an exception, never a string. */
public sealed interface SalesforceResult<T> {

    record Success<T>(T value) implements SalesforceResult<T> {
    }

    record Failure<T>(SalesforceFailure failure) implements SalesforceResult<T> {
    }

    /** Runs the next operation with this one's value; a failure short-circuits. */
    default <U> SalesforceResult<U> then(Function<? super T, SalesforceResult<U>> next) {
        return switch (this) {
            case Success<T> success -> next.apply(success.value());
            case Failure<T> failure -> new Failure<>(failure.failure());
        };
    }
}
