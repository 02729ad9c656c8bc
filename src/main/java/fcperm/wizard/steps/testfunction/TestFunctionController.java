package fcperm.wizard.steps.testfunction;

import fcperm.wizard.common.Decorations;
import fcperm.wizard.common.FactGrid;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Wiring of the Test function page. */
public final class TestFunctionController {

    private final TestFunctionModel model;
    private final I18n i18n;

    @FXML private Label intro;
    @FXML private TextField endpoint;
    @FXML private ComboBox<String> bucket;
    @FXML private TextField objectName;
    @FXML private TextField message;
    @FXML private Label inputProblem;
    @FXML private Button testButton;
    @FXML private Button createBucketButton;
    @FXML private Button removeProbeButton;
    @FXML private VBox resultCard;
    @FXML private Label verdict;
    @FXML private Label verdictDetail;
    @FXML private GridPane facts;
    @FXML private Label advice;
    @FXML private TextArea logTail;

    public TestFunctionController(TestFunctionModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        intro.setText(i18n.text("test.intro"));
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        bucket.setItems(model.buckets());
        bucket.getEditor().textProperty().bindBidirectional(model.bucketProperty());
        objectName.textProperty().bindBidirectional(model.objectNameProperty());
        message.textProperty().bindBidirectional(model.messageProperty());
        Decorations.bindProblemLabel(inputProblem, model.inputProblemProperty());
        testButton.disableProperty().bind(model.runningProperty().or(model.inputProblemProperty().isNotEmpty()));
        createBucketButton.disableProperty().bind(model.runningProperty().or(model.bucketProperty().isEmpty()));
        removeProbeButton.disableProperty().bind(model.runningProperty().or(model.probeDeployedProperty().not()));

        verdict.textProperty().bind(model.headlineProperty());
        verdict.graphicProperty().bind(Bindings.createObjectBinding(() -> iconOf(model.verdictProperty().get()),
                model.verdictProperty()));
        Decorations.bindProblemLabel(verdictDetail, model.detailProperty());
        verdictDetail.getStyleClass().remove(Styles.PROBLEM);
        Decorations.bindProblemLabel(advice, model.adviceProperty());
        advice.getStyleClass().remove(Styles.PROBLEM);
        logTail.textProperty().bind(model.logTailProperty());
        FactGrid.bind(facts, model.facts(), i18n);
    }

    private FontIcon iconOf(TestFunctionModel.Verdict verdict) {
        FontIcon icon = new FontIcon(switch (verdict) {
            case NONE -> "fth-info";
            case RUNNING -> "fth-loader";
            case SUCCESS -> "fth-check-circle";
            case DENIED -> "fth-shield-off";
            case FAILED -> "fth-x-circle";
        });
        icon.setIconSize(20);
        icon.getStyleClass().add(switch (verdict) {
            case SUCCESS -> "success-text";
            case DENIED, FAILED -> Styles.PROBLEM;
            default -> Styles.HINT;
        });
        return icon;
    }


    @FXML
    private void runTest() {
        model.runTest();
    }

    @FXML
    private void createBucket() {
        model.createBucket();
    }

    @FXML
    private void removeProbe() {
        model.removeProbe();
    }
}
