package io.github.asflink.skill.salesforce;

import java.util.Objects;
import java.util.Optional;

/**
 * A record a call can be logged against: an account, a contact or an open opportunity.
 *
 * @param accountId a contact's account (the Task's {@code WhatId}), when it has one; empty for the other kinds
 */
public record CallTarget(RecordKind kind, String id, String name, Optional<String> accountId) {

    public CallTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public String toString() {
        return "CallTarget[" + kind + "]"; // no id or name in a log or exception message
    }
}
