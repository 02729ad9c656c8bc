package fcperm.wizard.common;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a page's background listing stands (loading, failed with a reason, loaded) and the status line that says
 * so, in the current language: a line written once as text would stay in the language it was written in.
 */
public final class ListLoading {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final StringBinding status;

    /**
     * {@code loadingText}: what is being loaded; {@code loadedText}: the counts once loaded; {@code dependencies}:
     * what the counts are computed from.
     */
    public ListLoading(I18n i18n, Supplier<String> loadingText, Supplier<String> loadedText,
                       Observable... dependencies) {
        List<Observable> all = new ArrayList<>(List.of(dependencies));
        all.add(running);
        all.add(failure);
        all.add(i18n.localeProperty());
        status = Bindings.createStringBinding(() -> {
            if (running.get()) {
                return loadingText.get();
            }
            if (failure.get() != null) {
                return i18n.text("list.loadFailed", FailureText.of(failure.get(), i18n).reason());
            }
            return loadedText.get();
        }, all.toArray(Observable[]::new));
    }

    public void started() {
        failure.set(null);
        running.set(true);
    }

    public void succeeded() {
        running.set(false);
    }

    public void failed(Throwable reason) {
        running.set(false);
        failure.set(reason);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public StringBinding statusProperty() {
        return status;
    }
}
