package io.github.asflink.skill.salesforce;

import java.util.Objects;
import java.util.Optional;

/**
 * How a change sent to Salesforce ended. Unlike a read, a write that got no answer may still have been saved, so
 * that is its own case; and a refusal carries the reason the user hears.
 */
public sealed interface WriteOutcome {

    /** Saved: {@code 204} for an update, {@code 201} with the new record's id for a create. */
    record Saved(Optional<String> id) implements WriteOutcome {

        public Saved {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "Saved";
        }
    }

    /**
     * Refused for a reason of the record's or the user's. {@code adminMessage} is the validation rule's own text, to
     * be spoken (escaped) and never logged; empty for the other refusals.
     */
    record Refused(WriteRefusal refusal, int status, String errorCode, Optional<String> adminMessage)
            implements WriteOutcome {

        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(adminMessage, "adminMessage");
        }

        @Override
        public String toString() {
            return "Refused[" + refusal + ", " + status + ", " + errorCode + "]";
        }
    }

    /**
     * Sent, but no whole answer came in time: Salesforce may have saved it. Saying "try again" could make it twice,
     * so the user is asked to check.
     */
    record Unconfirmed() implements WriteOutcome {
    }

    /** Not saved, for a reason not the record's: a dead token, an outage, a request Salesforce could not use. */
    record Failed(SalesforceFailure failure) implements WriteOutcome {

        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
