package fcperm.wizard.steps.review;

import fcperm.plan.Change;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListCells;
import fcperm.wizard.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;

/** Wiring of the Review & apply page. */
public final class ReviewController {

    private final ReviewModel model;
    private final I18n i18n;
    private final Path journal;

    @FXML private Label summary;
    @FXML private ListView<PlanRow> planList;
    @FXML private Label problem;
    @FXML private Button applyButton;
    @FXML private Button retryButton;
    @FXML private Button rollBackButton;
    @FXML private Button replanButton;
    @FXML private Label journalNote;

    public ReviewController(ReviewModel model, I18n i18n, Path journal) {
        this.model = model;
        this.i18n = i18n;
        this.journal = journal;
    }

    @FXML
    private void initialize() {
        planList.setItems(model.rows());
        planList.setCellFactory(ListCells.<PlanRow>of(row -> null).withGraphic(this::rowOf)
                .withAccessibleText(this::describe).withStyleClass(row -> Styles.PLAN_STEP));
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("review.phase." + model.phaseProperty().get().name(), model.rows().size()),
                model.phaseProperty(), model.rows()));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        applyButton.disableProperty().bind(model.canApplyProperty().not());
        retryButton.visibleProperty().bind(model.canRetryProperty());
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        rollBackButton.visibleProperty().bind(model.canRollBackProperty());
        rollBackButton.managedProperty().bind(rollBackButton.visibleProperty());
        replanButton.disableProperty().bind(model.phaseProperty().isEqualTo(ReviewModel.Phase.APPLYING)
                .or(model.phaseProperty().isEqualTo(ReviewModel.Phase.ROLLING_BACK))
                .or(model.phaseProperty().isEqualTo(ReviewModel.Phase.PLANNING)));
        journalNote.setText(i18n.text("review.journal", journal.toAbsolutePath()));
    }

    /** The change in bold, what it does below it, then how far it got (with the cloud's request id). */
    private Node rowOf(PlanRow row) {
        Change change = row.change();
        Label title = new Label(i18n.text("plan.change." + change.kind().name(), change.subjects().toArray()));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        Label effect = new Label(i18n.text("plan.effect." + change.kind().name(), change.subjects().toArray()));
        effect.getStyleClass().add(Styles.HINT);
        effect.setWrapText(true);
        Label status = new Label(statusOf(row));
        status.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_SMALL);
        VBox text = new VBox(2, title, effect, status);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        text.setPrefWidth(0);
        HBox line = new HBox(10, iconOf(row), text);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private String statusOf(PlanRow row) {
        String status = i18n.text("plan.state." + row.stateProperty().get().name());
        String requestId = row.requestIdProperty().get();
        return requestId.isEmpty() ? status : i18n.text("plan.stateWithRequest", status, requestId);
    }

    private String describe(PlanRow row) {
        Change change = row.change();
        return i18n.text("plan.change." + change.kind().name(), change.subjects().toArray()) + ". " + statusOf(row);
    }

    private Node iconOf(PlanRow row) {
        FontIcon icon = switch (row.stateProperty().get()) {
            case PENDING -> new FontIcon("fth-circle");
            case RUNNING, UNDOING -> new FontIcon("fth-loader");
            case APPLIED -> new FontIcon("fth-check-circle");
            case FAILED, UNDO_FAILED -> new FontIcon("fth-x-circle");
            case UNDONE -> new FontIcon("fth-corner-up-left");
            case KEPT -> new FontIcon("fth-lock");
        };
        icon.getStyleClass().add(switch (row.stateProperty().get()) {
            case APPLIED -> "success-text";
            case FAILED, UNDO_FAILED -> Styles.PROBLEM;
            default -> Styles.HINT;
        });
        icon.setIconSize(18);
        return icon;
    }

    @FXML
    private void apply() {
        model.apply();
    }

    @FXML
    private void retry() {
        model.retry();
    }

    @FXML
    private void rollBack() {
        model.rollBack();
    }

    @FXML
    private void replan() {
        model.replan();
    }
}
