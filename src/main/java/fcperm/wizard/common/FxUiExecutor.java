package fcperm.wizard.common;

import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work as a {@link Task} on a small pool of daemon threads; callbacks arrive on the FX thread. */
public final class FxUiExecutor extends AbstractUiExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);

    private final ExecutorService pool;

    public FxUiExecutor(DialogService dialogs) {
        super(dialogs);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fcperm-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Must be called on the FX thread, like every other use of the UI. */
    @Override
    public <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        Running entry = started(description);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run(contextOf(this));
            }

            private TaskContext contextOf(Task<T> self) {
                return new TaskContext() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public void onUi(Runnable update) {
                        Platform.runLater(update);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                };
            }
        };
        task.progressProperty().addListener((obs, old, now) -> updated(entry, now.doubleValue(), null));
        task.messageProperty().addListener((obs, old, now) -> updated(entry, task.getProgress(), now));
        task.setOnSucceeded(event -> {
            finished(entry);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            finished(entry);
            Throwable failure = task.getException();
            if (isCancellation(failure)) {
                LOG.info("{}: stopped on request", description);
                return;
            }
            LOG.warn("{} failed", description, failure);
            onFailure.accept(failure);
        });
        task.setOnCancelled(event -> finished(entry));
        entry.handle = new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
        pool.execute(task);
        return entry.handle;
    }
}
