package fcperm.wizard.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

import java.util.Map;

/** Binds a group of radio buttons to a model property both ways: each button stands for one value. */
public final class Toggles {

    private Toggles() {
    }

    public static <E> void bind(ToggleGroup group, Map<? extends Toggle, E> values, ObjectProperty<E> property) {
        Runnable fromModel = () -> values.forEach((toggle, value) -> {
            if (value.equals(property.get())) {
                group.selectToggle(toggle);
            }
        });
        fromModel.run();
        // The group holds this listener; the model only weakly, so a reloaded view can be collected.
        javafx.beans.value.ChangeListener<E> listener = (obs, old, now) -> fromModel.run();
        group.getProperties().put(Toggles.class, listener);
        property.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null && values.containsKey(now)) {
                property.set(values.get(now));
            }
        });
    }
}
