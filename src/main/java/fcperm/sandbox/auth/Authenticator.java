package fcperm.sandbox.auth;

import fcperm.sandbox.identity.Identities;
import fcperm.sandbox.identity.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks that a request was signed with a key this account issued, in the order the cloud does: the clock skew,
 * the key, the security token of temporary credentials, the signature, and finally the nonce (so a request that
 * fails before the signature check cannot burn a nonce).
 */
public final class Authenticator {

    /** How far a request's own time may be from the server's. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private final Identities identities;
    private final Clock clock;
    private final NonceCache nonces = new NonceCache();

    public Authenticator(Identities identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /** The verified key, or an {@link AuthenticationException} saying what was wrong. */
    public SigningKey authenticate(SignedRequest request) {
        Instant now = clock.instant();
        Optional<Instant> signedAt = request.signedAt();
        if (signedAt.isPresent() && Duration.between(signedAt.get(), now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new AuthenticationException(AuthFailure.TIMESTAMP_EXPIRED, "");
        }
        SigningKey key = identities.signingKey(request.accessKeyId())
                .orElseThrow(() -> new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY, ""));
        if (!key.active()) {
            throw new AuthenticationException(AuthFailure.INACTIVE_ACCESS_KEY, "");
        }
        if (key.securityToken().isPresent()) {
            checkToken(key, request.securityToken(), now);
        }
        Optional<String> mismatch = request.mismatch(key.secret());
        if (mismatch.isPresent()) {
            throw new AuthenticationException(AuthFailure.SIGNATURE_MISMATCH, mismatch.get());
        }
        Optional<String> nonce = request.nonce();
        if (nonce.isPresent() && !nonces.firstUse(key.accessKeyId(), nonce.get(), now)) {
            throw new AuthenticationException(AuthFailure.NONCE_USED, "");
        }
        return key;
    }

    private static void checkToken(SigningKey key, Optional<String> presented, Instant now) {
        if (presented.isEmpty() || presented.get().isEmpty()) {
            throw new AuthenticationException(AuthFailure.SECURITY_TOKEN_MISSING, "");
        }
        if (!Hmac.same(key.securityToken().orElseThrow(), presented.get())) {
            throw new AuthenticationException(AuthFailure.SECURITY_TOKEN_MISMATCH, "");
        }
        if (!now.isBefore(key.expiration().orElseThrow())) {
            throw new AuthenticationException(AuthFailure.SECURITY_TOKEN_EXPIRED, "");
        }
    }
}
