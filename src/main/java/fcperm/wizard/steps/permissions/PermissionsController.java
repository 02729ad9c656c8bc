package fcperm.wizard.steps.permissions;

import fcperm.cloud.Attachment;
import fcperm.cloud.PolicySummary;
import fcperm.cloud.ResourceGroup;
import fcperm.plan.Grant;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.common.Decorations;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListCells;
import fcperm.wizard.common.Selections;
import fcperm.wizard.common.Toggles;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** Wiring of the Permissions page. */
public final class PermissionsController {

    private final PermissionsModel model;
    private final I18n i18n;

    @FXML private ToggleGroup scopeGroup;
    @FXML private Label intro;
    @FXML private TabPane sources;
    @FXML private Tab systemTab;
    @FXML private Tab customTab;
    @FXML private Tab presetTab;
    @FXML private TextField systemSearch;
    @FXML private ListView<PolicySummary> systemPolicies;
    @FXML private Label systemStatus;
    @FXML private TextArea systemDocument;
    @FXML private ListView<PolicySummary> customPolicies;
    @FXML private TextField customName;
    @FXML private TextArea editor;
    @FXML private ListView<String> problems;
    @FXML private ComboBox<PermissionsModel.PresetKind> presetKind;
    @FXML private Label firstFieldLabel;
    @FXML private ComboBox<String> firstField;
    @FXML private Label secondFieldLabel;
    @FXML private TextField secondField;
    @FXML private Button generateButton;
    @FXML private Label presetNote;
    @FXML private RadioButton accountScope;
    @FXML private RadioButton groupScope;
    @FXML private ComboBox<ResourceGroup> groups;
    @FXML private Label groupNote;
    @FXML private Button addButton;
    @FXML private Label addProblem;
    @FXML private ListView<Grant> grants;
    @FXML private Button removeButton;
    @FXML private ListView<Attachment> attached;

    public PermissionsController(PermissionsModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        intro.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("permissions.intro", model.roleNameProperty().get()), model.roleNameProperty()));
        bindSources();
        bindSystem();
        bindCustom();
        bindPresets();
        bindScope();
        grants.setItems(model.grants());
        grants.setCellFactory(ListCells.<Grant>of(this::describe).wrapping());
        // What a grant will do depends on what the account has: redraw when that is listed again.
        model.attached().addListener((javafx.collections.ListChangeListener<Attachment>) change -> grants.refresh());
        model.customPolicies().addListener((javafx.collections.ListChangeListener<PolicySummary>) change -> grants.refresh());
        removeButton.disableProperty().bind(grants.getSelectionModel().selectedItemProperty().isNull());
        attached.setItems(model.attached());
        attached.setCellFactory(ListCells.<Attachment>of(a -> describe(a.policyName(),
                i18n.text("permissions.kind." + a.kind().name()), a.scope())).wrapping());
        Decorations.bindProblemLabel(addProblem, model.addProblemProperty());
    }

    private void bindSources() {
        Runnable showSource = () -> sources.getSelectionModel().select(switch (model.sourceProperty().get()) {
            case SYSTEM -> systemTab;
            case CUSTOM, NEW -> customTab;
        });
        showSource.run();
        model.sourceProperty().addListener((obs, old, now) -> showSource.run());
        sources.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == systemTab) {
                model.sourceProperty().set(PermissionsModel.Source.SYSTEM);
            } else if (now == customTab && model.sourceProperty().get() == PermissionsModel.Source.SYSTEM) {
                model.sourceProperty().set(model.editorTextProperty().get().isBlank()
                        ? PermissionsModel.Source.CUSTOM : PermissionsModel.Source.NEW);
            }
        });
    }

    private void bindSystem() {
        systemSearch.textProperty().bindBidirectional(model.systemSearchProperty());
        systemPolicies.setItems(model.visibleSystemPolicies());
        systemPolicies.setCellFactory(ListCells.<PolicySummary>of(p -> p.description().isBlank() ? p.name()
                : p.name() + "\n" + p.description()).wrapping());
        Selections.follow(systemPolicies, model.selectedSystemProperty());
        systemStatus.textProperty().bind(model.systemStatusProperty());
        systemDocument.textProperty().bind(model.systemDocumentProperty());
    }

    private void bindCustom() {
        customPolicies.setItems(model.customPolicies());
        customPolicies.setCellFactory(ListCells.<PolicySummary>of(p -> p.description().isBlank() ? p.name()
                : p.name() + "  ·  " + p.description()).wrapping());
        Selections.follow(customPolicies, model.selectedCustomProperty());
        customPolicies.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sourceProperty().set(PermissionsModel.Source.CUSTOM);
            }
        });
        customName.textProperty().bindBidirectional(model.customNameProperty());
        editor.textProperty().bindBidirectional(model.editorTextProperty());
        editor.textProperty().addListener((obs, old, now) -> {
            if (!now.isBlank()) {
                model.sourceProperty().set(PermissionsModel.Source.NEW);
            }
        });
        Decorations.showProblem(editor, Bindings.createStringBinding(
                () -> model.problems().isEmpty() ? "" : model.problems().get(0), model.problems()));
        Decorations.showProblem(customName, Bindings.createStringBinding(
                () -> model.editorTextProperty().get().isBlank() ? "" : model.customNameProblemProperty().get(),
                model.editorTextProperty(), model.customNameProblemProperty()));
        problems.setItems(model.problems());
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setCellFactory(ListCells.<String>of(text -> text).withStyleClass(text -> "problem").wrapping());
    }

    private void bindPresets() {
        presetKind.getItems().setAll(PermissionsModel.PresetKind.values());
        presetKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(PermissionsModel.PresetKind kind) {
                return kind == null ? "" : i18n.text("preset." + kind.name());
            }

            @Override
            public PermissionsModel.PresetKind fromString(String text) {
                return null;
            }
        });
        presetKind.valueProperty().bindBidirectional(model.presetKindProperty());
        Runnable labels = () -> {
            PermissionsModel.PresetKind kind = model.presetKindProperty().get();
            boolean oss = kind == PermissionsModel.PresetKind.OSS_WRITE || kind == PermissionsModel.PresetKind.OSS_READ;
            boolean fields = kind != PermissionsModel.PresetKind.VPC_ACCESS;
            firstFieldLabel.setText(i18n.text(oss ? "preset.bucket" : "preset.project"));
            secondFieldLabel.setText(i18n.text(oss ? "preset.prefix" : "preset.logstore"));
            firstField.setAccessibleText(firstFieldLabel.getText());
            secondField.setAccessibleText(secondFieldLabel.getText());
            firstField.setItems(oss ? model.bucketNames() : javafx.collections.FXCollections.observableArrayList());
            for (javafx.scene.Node node : new javafx.scene.Node[]{firstFieldLabel, firstField, secondFieldLabel, secondField}) {
                node.setVisible(fields);
                node.setManaged(fields);
            }
        };
        labels.run();
        model.presetKindProperty().addListener((obs, old, now) -> labels.run());
        firstField.getEditor().textProperty().bindBidirectional(model.presetFirstProperty());
        presetNote.textProperty().bind(model.presetNoteProperty());
        presetNote.visibleProperty().bind(model.presetNoteProperty().isNotEmpty());
        presetNote.managedProperty().bind(presetNote.visibleProperty());
        secondField.textProperty().bindBidirectional(model.presetSecondProperty());
    }

    private void bindScope() {
        Toggles.bind(scopeGroup, java.util.Map.of(accountScope, PermissionsModel.ScopeKind.ACCOUNT,
                groupScope, PermissionsModel.ScopeKind.RESOURCE_GROUP), model.scopeKindProperty());
        groups.setItems(model.groups());
        groups.setConverter(new StringConverter<>() {
            @Override
            public String toString(ResourceGroup group) {
                return group == null ? "" : group.displayName() + " (" + group.id() + ")";
            }

            @Override
            public ResourceGroup fromString(String text) {
                return null;
            }
        });
        groups.valueProperty().bindBidirectional(model.groupProperty());
        groups.disableProperty().bind(groupScope.selectedProperty().not());
        groupNote.visibleProperty().bind(groupScope.selectedProperty());
        groupNote.managedProperty().bind(groupNote.visibleProperty());
    }

    /** A grant as it will really be applied: a new policy, one that exists, or one the role has already. */
    private String describe(Grant grant) {
        String type = switch (model.effectOf(grant)) {
            case NEW_POLICY -> i18n.text("permissions.kind.NEW");
            case ATTACH -> i18n.text("permissions.kind." + grant.kind().name());
            case ALREADY_ATTACHED -> i18n.text("permissions.kind.attached");
        };
        return describe(grant.policyName(), type, grant.scope());
    }

    private String describe(String policyName, String type, PolicyScope scope) {
        String where = scope instanceof PolicyScope.ResourceGroup group
                ? i18n.text("permissions.scope.inGroup", group.id()) : i18n.text("permissions.scope.wholeAccount");
        return policyName + "  ·  " + type + "\n" + where;
    }

    @FXML
    private void reload() {
        model.reload();
    }

    @FXML
    private void generate() {
        model.generate();
    }

    @FXML
    private void add() {
        model.add();
    }

    @FXML
    private void remove() {
        Grant grant = grants.getSelectionModel().getSelectedItem();
        if (grant != null) {
            model.remove(grant);
        }
    }
}
