package fcperm.wizard.common;

/** What running {@link Work} may tell the UI; safe to call from the worker thread. */
public interface TaskContext {

    /** Progress of {@code done} out of {@code total}; a negative total means "unknown". */
    void progress(long done, long total);

    /** A short line saying what is happening now, shown beside the progress bar. */
    void message(String text);

    /** Runs {@code update} on the UI thread, in order with the other updates of this task. */
    void onUi(Runnable update);

    boolean isCancelled();
}
