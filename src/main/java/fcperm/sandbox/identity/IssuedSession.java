package fcperm.sandbox.identity;

/** Temporary credentials of a new role session and the session's identity ({@code AssumedRoleUser}). */
public record IssuedSession(AccessKeyPair credentials, String assumedRoleArn, String assumedRoleId) {
}
