package fcperm.wizard.steps.role;

import fcperm.cloud.CloudSession;
import fcperm.cloud.RoleSummary;
import fcperm.cloud.TrustPolicies;
import fcperm.plan.RoleChoice;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListLoading;
import fcperm.wizard.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Role: create a new role that Function Compute may assume (name checked as RAM checks it, trust policy shown and,
 * under "advanced", editable with validation), or pick an existing one — by default only roles that trust FC, with
 * a switch to see all, a warning and a one-click fix for a role that does not trust FC, and the console's warning
 * against adding policies to AliyunFCDefaultRole.
 */
public final class RoleModel implements WizardStep {

    public enum Mode { CREATE, EXISTING }

    /** The console's default role for FC: policies should not be added to it (seed document). */
    public static final String DEFAULT_ROLE = "AliyunFCDefaultRole";

    private final UiExecutor executor;
    private final I18n i18n;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.CREATE);
    private final StringProperty roleName = new SimpleStringProperty(this, "roleName", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty editTrust = new SimpleBooleanProperty(this, "editTrust");
    private final StringProperty trustPolicy = new SimpleStringProperty(this, "trustPolicy", "");
    private final ReadOnlyStringWrapper trustProblem = new ReadOnlyStringWrapper(this, "trustProblem", "");

    private final ObservableList<RoleSummary> allRoles = FXCollections.observableArrayList();
    private final FilteredList<RoleSummary> visibleRoles = new FilteredList<>(allRoles);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty showAll = new SimpleBooleanProperty(this, "showAll");
    private final ObjectProperty<RoleSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty fixTrust = new SimpleBooleanProperty(this, "fixTrust");
    private final ListLoading loading;

    private final StringBinding nameProblem;
    private final BooleanBinding untrustedSelected;
    private final BooleanBinding defaultRoleSelected;
    private final ObjectBinding<RoleChoice> choice;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    private CloudSession loadedFor;
    private WizardDraft draft;
    private String defaultTrustPolicy = "";

    public RoleModel(UiExecutor executor, I18n i18n) {
        this.executor = executor;
        this.i18n = i18n;
        nameProblem = Bindings.createStringBinding(() -> {
            if (mode.get() != Mode.CREATE) {
                return "";
            }
            Optional<String> rule = RoleNameRule.problemKey(roleName.get());
            if (rule.isPresent()) {
                return i18n.text(rule.get());
            }
            // RAM role names are case-insensitive.
            return find(roleName.get()).isPresent() ? i18n.text("role.name.taken") : "";
        }, mode, roleName, allRoles, i18n.localeProperty());
        trustPolicy.addListener((obs, old, now) -> checkTrustPolicy());
        editTrust.addListener((obs, old, now) -> {
            if (!now) {
                trustPolicy.set(defaultTrustPolicy);
            }
        });
        search.addListener((obs, old, now) -> refilter());
        showAll.addListener((obs, old, now) -> refilter());
        refilter();
        // The fix is asked for one role: it goes with a change of role, not with that role's listing again.
        selected.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equalsIgnoreCase(now.name())) {
                fixTrust.set(false);
            }
        });
        untrustedSelected = Bindings.createBooleanBinding(
                () -> mode.get() == Mode.EXISTING && selected.get() != null && !selected.get().trustsFunctionCompute(),
                mode, selected);
        defaultRoleSelected = Bindings.createBooleanBinding(
                () -> mode.get() == Mode.EXISTING && selected.get() != null
                        && DEFAULT_ROLE.equalsIgnoreCase(selected.get().name()),
                mode, selected);
        loading = new ListLoading(i18n, () -> i18n.text("role.loading"),
                () -> i18n.text("role.count", visibleRoles.size(), allRoles.size()), visibleRoles, allRoles);
        choice = Bindings.createObjectBinding(this::currentChoice,
                mode, roleName, description, trustPolicy, nameProblem, trustProblem, selected, fixTrust);
        valid.bind(choice.isNotNull());
        // The draft holds the page's choice at every moment (null while the page is not valid).
        choice.addListener((obs, old, now) -> publish());
    }

    @Override
    public String id() {
        return "role";
    }

    @Override
    public String titleKey() {
        return "role.title";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Lists the roles again each time (roles come and go outside the app), keeping the choice. */
    @Override
    public void enter(WizardDraft current) {
        draft = current;
        CloudSession session = current.session();
        if (session != loadedFor) {
            loadedFor = session;
            defaultTrustPolicy = TrustPolicies.FUNCTION_COMPUTE;
            if (!editTrust.get()) {
                trustPolicy.set(defaultTrustPolicy);
            }
            if (roleName.get().isEmpty()) {
                roleName.set(suggestedName(current));
            }
        }
        publish();
        reload();
    }

    private void publish() {
        if (draft != null) {
            draft.setRole(choice.get());
        }
    }

    /**
     * Lists the account's roles again (paging through RAM), with whether each one trusts FC. The role chosen stays
     * chosen when it is still there (with its trust as it is now).
     */
    public void reload() {
        CloudSession session = loadedFor;
        loading.started();
        executor.submit(i18n.text("role.task.list"), context -> session.roles().listWithTrust(
                        context::progress, context::isCancelled),
                roles -> {
                    loading.succeeded();
                    RoleSummary chosen = selected.get();
                    allRoles.setAll(roles);
                    selected.set(chosen == null ? null : roles.stream()
                            .filter(role -> role.name().equalsIgnoreCase(chosen.name())).findFirst().orElse(null));
                }, loading::failed);
    }

    /** The one-click fix: this role will be changed to trust FC when the plan is applied. */
    public void fixTrust() {
        if (untrustedSelected.get()) {
            fixTrust.set(true);
        }
    }

    /** The role chosen, or null while the page's input does not make a role FC may assume. */
    private RoleChoice currentChoice() {
        if (mode.get() == Mode.CREATE) {
            return nameProblem.get().isEmpty() && trustProblem.get().isEmpty()
                    ? new RoleChoice.NewRole(roleName.get(), description.get(), trustPolicy.get()) : null;
        }
        RoleSummary role = selected.get();
        if (role == null || !(role.trustsFunctionCompute() || fixTrust.get())) {
            return null;
        }
        return new RoleChoice.ExistingRole(role.name(), role.arn(), fixTrust.get());
    }

    private void checkTrustPolicy() {
        ParseResult result = PolicyParser.parseTrustPolicy(trustPolicy.get());
        if (result.valid()) {
            trustProblem.set("");
            return;
        }
        PolicyProblem first = result.errors().get(0);
        trustProblem.set(i18n.text("policy.problem", first.line(), first.column(), first.message()));
    }

    private void refilter() {
        String needle = search.get().trim().toLowerCase(Locale.ROOT);
        boolean all = showAll.get();
        visibleRoles.setPredicate(role -> (all || role.trustsFunctionCompute())
                && (needle.isEmpty() || role.name().toLowerCase(Locale.ROOT).contains(needle)));
    }

    private static String suggestedName(WizardDraft draft) {
        String service = draft.service().map(s -> s.name()).orElse("fc");
        String name = (service + "-role").replaceAll("[^A-Za-z0-9.-]", "-");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty roleNameProperty() {
        return roleName;
    }

    public StringBinding roleNameProblemProperty() {
        return nameProblem;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty editTrustProperty() {
        return editTrust;
    }

    public StringProperty trustPolicyProperty() {
        return trustPolicy;
    }

    public ReadOnlyStringProperty trustProblemProperty() {
        return trustProblem.getReadOnlyProperty();
    }

    public ObservableList<RoleSummary> visibleRoles() {
        return visibleRoles;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showAllProperty() {
        return showAll;
    }

    public ObjectProperty<RoleSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty fixTrustProperty() {
        return fixTrust;
    }

    public BooleanBinding untrustedSelectedProperty() {
        return untrustedSelected;
    }

    public BooleanBinding defaultRoleSelectedProperty() {
        return defaultRoleSelected;
    }

    public StringBinding listStatusProperty() {
        return loading.statusProperty();
    }

    List<RoleSummary> allRoles() {
        return allRoles;
    }

    Optional<RoleSummary> find(String name) {
        return allRoles.stream().filter(role -> role.name().equalsIgnoreCase(name)).findFirst();
    }
}
