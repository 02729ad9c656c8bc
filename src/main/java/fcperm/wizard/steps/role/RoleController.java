package fcperm.wizard.steps.role;

import fcperm.cloud.RoleSummary;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.common.Decorations;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListCells;
import fcperm.wizard.common.Selections;
import fcperm.wizard.common.Styles;
import fcperm.wizard.common.Toggles;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.stream.Collectors;

/** Wiring of the Role page. */
public final class RoleController {

    private final RoleModel model;
    private final I18n i18n;

    @FXML private ToggleGroup roleMode;
    @FXML private Label intro;
    @FXML private RadioButton createMode;
    @FXML private RadioButton existingMode;
    @FXML private VBox createPane;
    @FXML private TextField roleName;
    @FXML private Label roleNameProblem;
    @FXML private Button useTakenButton;
    @FXML private Label trustedBy;
    @FXML private VBox newUntrustedNote;
    @FXML private Label newUntrustedText;
    @FXML private CheckBox acceptUntrustedNew;
    @FXML private Label selectedGrants;
    @FXML private CheckBox acceptUntrustedExisting;
    @FXML private TextField description;
    @FXML private TitledPane advanced;
    @FXML private CheckBox editTrust;
    @FXML private TextArea trustPolicy;
    @FXML private Label trustProblem;
    @FXML private VBox existingPane;
    @FXML private TextField search;
    @FXML private CheckBox showAll;
    @FXML private ListView<RoleSummary> roles;
    @FXML private Label listStatus;
    @FXML private VBox untrustedNote;
    @FXML private Label untrustedText;
    @FXML private Button fixTrustButton;
    @FXML private HBox defaultRoleNote;

    public RoleController(RoleModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        intro.setText(i18n.text("role.intro"));
        Toggles.bind(roleMode, java.util.Map.of(createMode, RoleModel.Mode.CREATE,
                existingMode, RoleModel.Mode.EXISTING), model.modeProperty());
        createPane.visibleProperty().bind(createMode.selectedProperty());
        createPane.managedProperty().bind(createPane.visibleProperty());
        existingPane.visibleProperty().bind(existingMode.selectedProperty());
        existingPane.managedProperty().bind(existingPane.visibleProperty());

        roleName.textProperty().bindBidirectional(model.roleNameProperty());
        Decorations.showProblem(roleName, model.roleNameProblemProperty());
        Decorations.bindProblemLabel(roleNameProblem, model.roleNameProblemProperty());
        useTakenButton.visibleProperty().bind(model.nameTakenProperty());
        useTakenButton.managedProperty().bind(useTakenButton.visibleProperty());
        trustedBy.textProperty().bind(model.trustedByProperty());
        newUntrustedNote.visibleProperty().bind(model.newRoleUntrustedProperty());
        newUntrustedNote.managedProperty().bind(newUntrustedNote.visibleProperty());
        newUntrustedText.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("role.newUntrusted", model.trustedByProperty().get()), model.trustedByProperty()));
        acceptUntrustedNew.selectedProperty().bindBidirectional(model.acceptUntrustedProperty());
        description.textProperty().bindBidirectional(model.descriptionProperty());
        editTrust.selectedProperty().bindBidirectional(model.editTrustProperty());
        trustPolicy.textProperty().bindBidirectional(model.trustPolicyProperty());
        trustPolicy.editableProperty().bind(model.editTrustProperty());
        Decorations.showProblem(trustPolicy, model.trustProblemProperty());
        Decorations.bindProblemLabel(trustProblem, model.trustProblemProperty());
        if (model.editTrustProperty().get()) {
            advanced.setExpanded(true);
        }

        search.textProperty().bindBidirectional(model.searchProperty());
        showAll.selectedProperty().bindBidirectional(model.showAllProperty());
        roles.setItems(model.visibleRoles());
        roles.setCellFactory(ListCells.of(this::describe).withGraphic(this::trustIcon).wrapping());
        Selections.follow(roles, model.selectedProperty());
        listStatus.textProperty().bind(model.listStatusProperty());

        untrustedNote.visibleProperty().bind(model.untrustedSelectedProperty());
        untrustedNote.managedProperty().bind(untrustedNote.visibleProperty());
        untrustedText.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text(model.fixTrustProperty().get() ? "role.untrusted.fixed" : "role.untrusted"),
                model.fixTrustProperty()));
        // Once the fix is chosen the note only says what the plan will do: nothing is left to decide.
        fixTrustButton.getParent().visibleProperty().bind(model.fixTrustProperty().not());
        fixTrustButton.getParent().managedProperty().bind(fixTrustButton.getParent().visibleProperty());
        acceptUntrustedExisting.selectedProperty().bindBidirectional(model.acceptUntrustedProperty());
        selectedGrants.textProperty().bind(Bindings.createStringBinding(this::describeGrants,
                model.selectedProperty(), model.selectedGrants()));
        selectedGrants.visibleProperty().bind(model.selectedProperty().isNotNull());
        selectedGrants.managedProperty().bind(selectedGrants.visibleProperty());
        defaultRoleNote.visibleProperty().bind(model.defaultRoleSelectedProperty());
        defaultRoleNote.managedProperty().bind(defaultRoleNote.visibleProperty());
    }

    private String describeGrants() {
        RoleSummary role = model.selectedProperty().get();
        if (role == null) {
            return "";
        }
        if (model.selectedGrants().isEmpty()) {
            return i18n.text("role.grants.none", role.name());
        }
        return i18n.text("role.grants", role.name(), model.selectedGrants().stream()
                .map(grant -> grant.scope() instanceof PolicyScope.ResourceGroup group
                        ? grant.policyName() + " (" + i18n.text("permissions.scope.inGroup", group.id()) + ")"
                        : grant.policyName())
                .collect(Collectors.joining(", ")));
    }

    private String describe(RoleSummary role) {
        String trust = i18n.text(role.trustsFunctionCompute() ? "role.trustsFc" : "role.notTrustsFc");
        String text = role.name() + "  ·  " + trust;
        return role.description().isBlank() ? text : text + "\n" + role.description();
    }

    private Node trustIcon(RoleSummary role) {
        FontIcon icon = new FontIcon(role.trustsFunctionCompute() ? "fth-check-circle" : "fth-alert-triangle");
        icon.getStyleClass().add(role.trustsFunctionCompute() ? "success-text" : Styles.PROBLEM);
        return icon;
    }

    @FXML
    private void fixTrust() {
        model.fixTrust();
    }

    @FXML
    private void fixNewTrust() {
        model.fixNewTrust();
    }

    @FXML
    private void useTakenRole() {
        model.useTakenRole();
    }

    @FXML
    private void reload() {
        model.reload();
    }
}
