package fcperm.wizard.common;

import java.util.function.Consumer;

/**
 * Runs work at once on the calling thread: for view-model tests, which then see the outcome as soon as
 * {@code submit} returns. Cancelling is honoured through {@link TaskContext#isCancelled()} when a test calls
 * {@link #cancelAll()} from inside the work (or from a progress callback).
 */
public final class SameThreadUiExecutor extends AbstractUiExecutor {

    public SameThreadUiExecutor(DialogService dialogs) {
        super(dialogs);
    }

    @Override
    public <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        Running entry = started(description);
        Handle handle = new Handle();
        entry.handle = handle;
        TaskContext context = new TaskContext() {
            @Override
            public void progress(long done, long total) {
                updated(entry, total <= 0 ? -1 : (double) done / total, null);
            }

            @Override
            public void message(String text) {
                updated(entry, entry.progress, text);
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }

            @Override
            public boolean isCancelled() {
                return handle.cancelled;
            }
        };
        T result;
        try {
            result = work.run(context);
        } catch (Exception failure) {
            handle.done = true;
            finished(entry);
            if (!isCancellation(failure)) {
                onFailure.accept(failure);
            }
            return handle;
        }
        handle.done = true;
        finished(entry);
        if (!handle.cancelled) {
            onSuccess.accept(result);
        }
        return handle;
    }

    private static final class Handle implements TaskHandle {
        boolean cancelled;
        boolean done;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
