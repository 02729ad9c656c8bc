package fcperm.sandbox.auth;

/** Why a request was not authenticated; each wire style maps these to its own error codes. */
public enum AuthFailure {
    UNKNOWN_ACCESS_KEY,
    INACTIVE_ACCESS_KEY,
    SIGNATURE_MISMATCH,
    TIMESTAMP_EXPIRED,
    NONCE_USED,
    SECURITY_TOKEN_MISSING,
    SECURITY_TOKEN_EXPIRED,
    SECURITY_TOKEN_MISMATCH
}
