package fcperm.sandbox.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * What a wire style extracted from a signed request, for the {@link Authenticator}: who claims to have signed it and
 * how to check the signature once the secret is known. Each style (RPC v1, OSS V1/V4, FC) implements it.
 */
public interface SignedRequest {

    String accessKeyId();

    /** The STS security token sent with temporary credentials. */
    Optional<String> securityToken();

    /** When the client signed the request, if the style carries it; checked to be within ±15 minutes. */
    Optional<Instant> signedAt();

    /** A value the client promises never to reuse, if the style carries one. */
    Optional<String> nonce();

    /** Empty when the signature is right for {@code secret}; otherwise the string to sign the server computed. */
    Optional<String> mismatch(String secret);
}
