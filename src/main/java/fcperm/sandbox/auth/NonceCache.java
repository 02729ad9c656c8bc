package fcperm.sandbox.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SignatureNonces seen recently. A nonce only needs remembering while its request's Timestamp is still acceptable
 * (±15 minutes), so entries expire after 30 minutes; older replays are refused by the Timestamp check. Kept in memory:
 * a restart forgets them, which only matters for a replay within the same 15 minutes across a restart.
 */
final class NonceCache {

    private static final Duration RETENTION = Duration.ofMinutes(30);

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    /** Records the nonce; false when it was already used by the same key. */
    boolean firstUse(String accessKeyId, String nonce, Instant now) {
        if (sinceSweep.incrementAndGet() >= 4096) {
            sinceSweep.set(0);
            seen.values().removeIf(expiry -> expiry.isBefore(now));
        }
        Instant previous = seen.putIfAbsent(accessKeyId + "\n" + nonce, now.plus(RETENTION));
        return previous == null || previous.isBefore(now) && seen.replace(accessKeyId + "\n" + nonce, previous, now.plus(RETENTION));
    }
}
