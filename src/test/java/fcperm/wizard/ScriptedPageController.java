package fcperm.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;

/** The page of a scripted step: one check box that makes the step valid. */
public final class ScriptedPageController {

    private final WizardModelTest.ScriptedStep step;

    @FXML private CheckBox valid;

    ScriptedPageController(WizardModelTest.ScriptedStep step) {
        this.step = step;
    }

    @FXML
    private void initialize() {
        valid.setId("valid-" + step.id());
        valid.selectedProperty().bindBidirectional(step.valid);
    }
}
