package fcperm.wizard.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.function.Consumer;

/**
 * The one way the UI runs cloud work: off the UI thread, with progress and cancel, results and failures delivered
 * on the UI thread. A failure with no handler of its own goes to the {@link DialogService}; a cancelled task calls
 * neither callback. Models depend on this interface so their tests can run with {@link SameThreadUiExecutor}.
 */
public interface UiExecutor {

    <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess);

    <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure);

    /** Cancels every running task (the Esc key). */
    void cancelAll();

    /** True while at least one task runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** Progress of the most recent running task, 0..1, or -1 when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** Description or latest message of the most recent running task. */
    ReadOnlyStringProperty messageProperty();
}
