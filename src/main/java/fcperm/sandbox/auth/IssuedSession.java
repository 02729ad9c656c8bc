package fcperm.sandbox.auth;

/** Temporary credentials of a new role session and the session's identity ({@code AssumedRoleUser}). */
public record IssuedSession(Credentials credentials, String assumedRoleArn, String assumedRoleId) {
}
