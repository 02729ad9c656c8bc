package fcperm.sandbox.auth;

/** The request's credentials or signature were refused. {@code detail} is the server's string to sign on a mismatch. */
public final class AuthenticationException extends RuntimeException {

    private final AuthFailure failure;
    private final String detail;

    public AuthenticationException(AuthFailure failure, String detail) {
        super(failure + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
        this.failure = failure;
        this.detail = detail;
    }

    public AuthFailure failure() {
        return failure;
    }

    public String detail() {
        return detail;
    }
}
