package fcperm.wizard.steps.connect;

import fcperm.wizard.common.Decorations;
import fcperm.wizard.common.FactGrid;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListCells;
import fcperm.wizard.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Wiring of the Connect page. */
public final class ConnectController {

    private final ConnectModel model;
    private final I18n i18n;

    @FXML private ListView<ConnectModel.Choice> connections;
    @FXML private GridPane manualForm;
    @FXML private TextField keyId;
    @FXML private PasswordField secret;
    @FXML private CheckBox saveProfile;
    @FXML private TextField profileName;
    @FXML private Button connectButton;
    @FXML private Label problem;
    @FXML private VBox identityCard;
    @FXML private GridPane facts;
    @FXML private Label identityHint;

    public ConnectController(ConnectModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        connections.setItems(model.choices());
        connections.setCellFactory(ListCells.<ConnectModel.Choice>of(c -> c.label() + "\n"
                        + c.unavailableReason().orElse(c.detail()))
                .withGraphic(this::iconOf).wrapping());
        connections.getSelectionModel().select(model.selectedProperty().get());
        model.selectedProperty().addListener((obs, old, now) -> connections.getSelectionModel().select(now));
        connections.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        manualForm.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().kind() == ConnectModel.Choice.Kind.MANUAL, model.selectedProperty()));
        manualForm.managedProperty().bind(manualForm.visibleProperty());
        keyId.textProperty().bindBidirectional(model.keyIdProperty());
        secret.textProperty().bindBidirectional(model.secretProperty());
        saveProfile.selectedProperty().bindBidirectional(model.saveProfileProperty());
        profileName.textProperty().bindBidirectional(model.profileNameProperty());
        profileName.disableProperty().bind(model.saveProfileProperty().not());
        connectButton.disableProperty().bind(model.connectingProperty());
        Decorations.bindProblemLabel(problem, model.problemProperty());

        identityHint.textProperty().bind(Bindings.createStringBinding(() -> model.sessionProperty().get() != null
                ? i18n.text("connect.identity.connected")
                : model.statusProperty().get().isEmpty() ? i18n.text("connect.identity.none")
                : model.statusProperty().get(), model.sessionProperty(), model.statusProperty()));
        FactGrid.bind(facts, model.facts(), i18n);
    }


    private Node iconOf(ConnectModel.Choice choice) {
        FontIcon icon = new FontIcon(switch (choice.kind()) {
            case SANDBOX -> "fth-box";
            case PROFILE -> "fth-user";
            case ENVIRONMENT -> "fth-terminal";
            case MANUAL -> "fth-key";
        });
        icon.setIconSize(20);
        if (!choice.usable()) {
            icon.getStyleClass().add(Styles.HINT);
        }
        return icon;
    }

    @FXML
    private void connect() {
        model.connect();
    }
}
