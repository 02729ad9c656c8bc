package fcperm.cloud;

/**
 * Asked between pages of a long listing; once it answers true the listing stops and throws
 * {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface Cancellation {

    boolean isCancelled();

    Cancellation NEVER = () -> false;
}
