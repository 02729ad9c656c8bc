package fcperm.cloud.sdk;

import fcperm.cloud.CloudException;

import java.util.Set;

/**
 * Repeats idempotent calls that failed for a reason that may pass (throttling, a 5xx, no answer) with exponential
 * backoff; every other call runs exactly once.
 */
public final class Retry {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 3;
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final Set<String> TRANSIENT_CODES = Set.of("ServiceUnavailable", "InternalError",
            "Throttling", "Throttling.User", "Throttling.Api", "RequestTimeout", CloudException.UNREACHABLE);

    private Retry() {
    }

    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws CloudException;
    }

    public static <T> T run(Call call, Attempt<T> attempt) throws CloudException {
        long pause = FIRST_PAUSE_MILLIS;
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (CloudException e) {
                if (!call.idempotent() || tried >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
            sleep(pause);
            pause *= 2;
        }
    }

    static boolean isTransient(CloudException e) {
        return e.httpStatus() >= 500 || TRANSIENT_CODES.contains(e.code());
    }

    private static void sleep(long millis) throws CloudException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException("retry", "Interrupted", 0, "", "Stopped while waiting to try again.", e);
        }
    }
}
