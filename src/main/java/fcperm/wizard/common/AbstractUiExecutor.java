package fcperm.wizard.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Keeps the busy/progress/message state both executors show, from the list of running tasks. Only ever touched on
 * the UI thread (the FX implementation hops there before calling in).
 */
abstract class AbstractUiExecutor implements UiExecutor {

    /** One running task as the status bar sees it. */
    static final class Running {
        final String description;
        double progress = -1;
        String message;
        TaskHandle handle;

        Running(String description) {
            this.description = description;
        }
    }

    private final DialogService dialogs;
    private final List<Running> running = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    AbstractUiExecutor(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess) {
        return submit(description, work, onSuccess, failure -> dialogs.showFailure(description, failure));
    }

    @Override
    public void cancelAll() {
        for (Running task : List.copyOf(running)) {
            if (task.handle != null) {
                task.handle.cancel();
            }
        }
    }

    final Running started(String description) {
        Running task = new Running(description);
        running.add(task);
        refresh();
        return task;
    }

    final void updated(Running task, double progress, String message) {
        task.progress = progress;
        if (message != null && !message.isBlank()) {
            task.message = message;
        }
        refresh();
    }

    final void finished(Running task) {
        running.remove(task);
        refresh();
    }

    /** A cancelled task reports nothing: the user asked for it to stop. */
    static boolean isCancellation(Throwable failure) {
        return failure instanceof CancellationException || failure instanceof InterruptedException;
    }

    private void refresh() {
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            progress.set(-1);
            message.set("");
            return;
        }
        Running latest = running.get(running.size() - 1);
        progress.set(latest.progress);
        message.set(latest.message != null ? latest.message : latest.description);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
