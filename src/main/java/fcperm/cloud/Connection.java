package fcperm.cloud;

import java.util.Objects;
import java.util.Optional;

/**
 * A way to reach an Alibaba Cloud account: its credentials, its default region and its endpoints (the public ones,
 * or those of the built-in sandbox that the composition root hands in). Nothing here talks to the network.
 */
public final class Connection {

    public enum Kind { SANDBOX, PROFILE, ENVIRONMENT, MANUAL }

    private final Kind kind;
    private final String name;
    private final String region;
    private final Credentials credentials;
    private final Endpoints endpoints;

    public Connection(Kind kind, String name, String region, Credentials credentials, Endpoints endpoints) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.region = Objects.requireNonNull(region);
        this.credentials = Objects.requireNonNull(credentials);
        this.endpoints = Objects.requireNonNull(endpoints);
    }

    /** The built-in sandbox: its endpoints and its account's root key (or a RAM user's key). */
    public static Connection sandbox(String region, Credentials key, Endpoints endpoints) {
        return new Connection(Kind.SANDBOX, "sandbox", region, key, endpoints);
    }

    /** The same connection with other endpoints (a profile tried against the sandbox, a private endpoint). */
    public Connection withEndpoints(Endpoints other) {
        return new Connection(kind, name, region, credentials, other);
    }

    public Kind kind() {
        return kind;
    }

    /** The profile name, "environment", "sandbox" or the name given to a manual entry. */
    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public Credentials credentials() {
        return credentials;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** One line for the list of connections: how it signs and where, never a secret. */
    public String description() {
        return credentials.describe() + " · " + region;
    }

    /** Why this connection cannot be used, when it cannot: a profile of a mode this app refuses, or incomplete. */
    public Optional<Credentials.Unusable> unusable() {
        return credentials instanceof Credentials.Unusable unusable ? Optional.of(unusable) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Connection[" + kind + " " + name + ", " + description() + ", " + endpoints + "]";
    }
}
