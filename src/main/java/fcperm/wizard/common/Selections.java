package fcperm.wizard.common;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;

import java.util.Objects;

/**
 * Keeps a list view's selection and a model's chosen item in step, the model being the one that counts: the user's
 * click chooses; the model's choice is shown again whenever the list is refilled (a refill clears a list view's
 * selection, which must not clear the choice) or the model changes it itself.
 */
public final class Selections {

    private Selections() {
    }

    public static <T> void follow(ListView<T> view, ObjectProperty<T> chosen) {
        Runnable show = () -> {
            T item = chosen.get();
            if (item == null) {
                view.getSelectionModel().clearSelection();
            } else if (!Objects.equals(view.getSelectionModel().getSelectedItem(), item)) {
                view.getSelectionModel().select(item);
            }
        };
        show.run();
        chosen.addListener((obs, old, now) -> show.run());
        view.getItems().addListener((ListChangeListener<T>) change -> show.run());
        view.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chosen.set(now);
            }
        });
    }
}
