package fcperm.sandbox.store;

/** The database failed (not a rule of the emulated cloud): the pipeline answers it as an internal error. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
