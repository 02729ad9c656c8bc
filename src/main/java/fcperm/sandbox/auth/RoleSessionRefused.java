package fcperm.sandbox.auth;

/** A role session could not be issued; each caller (STS, the FC runtime) answers with its own error code. */
public final class RoleSessionRefused extends RuntimeException {

    public enum Reason { ROLE_NOT_FOUND, NOT_TRUSTED, DURATION_TOO_LONG }

    private final Reason reason;

    public RoleSessionRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
