package fcperm.wizard.common;

import javafx.scene.Parent;

/** A loaded FXML view: its root node and the controller the controller factory made for it. */
public record View<C>(Parent root, C controller) {
}
