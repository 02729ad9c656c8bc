package fcperm.wizard.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Shows a model's validation result on a control: the AtlantaFX danger pseudo-class (a red border) and a tooltip
 * while there is a problem. Not ControlsFX's ValidationSupport decorators: they replace the scene root and crash
 * inside a wizard (docs/javafx-platform.md §3).
 */
public final class Decorations {

    private Decorations() {
    }

    /** {@code problem}: empty or null when the value is fine, otherwise the sentence saying what is wrong. */
    public static void showProblem(Control control, ObservableValue<String> problem) {
        Tooltip tooltip = new Tooltip();
        Runnable update = () -> {
            String text = problem.getValue();
            boolean bad = text != null && !text.isEmpty();
            control.pseudoClassStateChanged(Styles.INVALID, bad);
            tooltip.setText(text);
            control.setTooltip(bad ? tooltip : null);
        };
        // The control holds the listener; the model holds it only weakly, so a reloaded view can be collected.
        javafx.beans.value.ChangeListener<String> listener = (obs, old, now) -> update.run();
        control.getProperties().put(Decorations.class, listener);
        problem.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        update.run();
    }

    /** A label that shows the problem text and takes no space while there is none. */
    public static void bindProblemLabel(Labeled label, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
