package fcperm.cloud.sdk;

import fcperm.cloud.CloudException;

import java.util.Optional;

/**
 * Credentials are fetched inside the SDKs (a renewing role key calls STS from there); when that fails, the SDK wraps
 * our {@link CloudException} in its own exception. This finds it again.
 */
public final class Failures {

    private Failures() {
    }

    public static Optional<CloudException> cloudCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof CloudException cloud) {
                return Optional.of(cloud);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
