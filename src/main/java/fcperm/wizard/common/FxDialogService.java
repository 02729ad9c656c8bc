package fcperm.wizard.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Shows failures and questions as dialogs owned by the main window, in the current language. */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final I18n i18n;
    private Window owner;

    public FxDialogService(I18n i18n) {
        this.i18n = i18n;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showFailure(String whatFailed, Throwable failure) {
        LOG.warn("shown to the user: {}", whatFailed, failure);
        FailureText text = FailureText.of(failure, i18n);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, i18n.text("failure.title"));
        alert.getDialogPane().setId("failureDialog");
        alert.setHeaderText(whatFailed);
        Label reason = new Label(text.reason());
        reason.setWrapText(true);
        reason.setId("failureReason");
        alert.getDialogPane().setContent(reason);
        if (text.details() != null && !text.details().isBlank()) {
            TextArea details = new TextArea(text.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setAccessibleText(i18n.text("failure.details"));
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, title);
        alert.getDialogPane().setId("confirmDialog");
        alert.setHeaderText(null);
        alert.setContentText(question);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.text("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(yes, no);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }

    private void prepare(Alert alert, String title) {
        alert.setTitle(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        alert.getDialogPane().setMinWidth(480);
    }
}
