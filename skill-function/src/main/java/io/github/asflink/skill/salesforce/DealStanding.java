package io.github.asflink.skill.salesforce;

import java.util.Objects;

/** An opportunity the user named, with what moving it needs: its id, its stage's api name, whether it is closed. */
public record DealStanding(String id, String name, String stageName, boolean closed) {

    public DealStanding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stageName, "stageName");
    }
}
