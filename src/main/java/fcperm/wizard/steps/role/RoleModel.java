package fcperm.wizard.steps.role;

import fcperm.cloud.Attachment;
import fcperm.cloud.CloudSession;
import fcperm.cloud.RoleSummary;
import fcperm.cloud.TrustPolicies;
import fcperm.plan.Change;
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
    private final BooleanBinding nameTaken;
    private final BooleanBinding newRoleUntrusted;
    private final StringBinding trustedBy;
    private final BooleanProperty acceptUntrusted = new SimpleBooleanProperty(this, "acceptUntrusted");
    private final ObservableList<Attachment> selectedGrants = FXCollections.observableArrayList();
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
            return takenRole().isPresent() ? i18n.text("role.name.taken", roleName.get()) : "";
        }, mode, roleName, allRoles, i18n.localeProperty());
        nameTaken = Bindings.createBooleanBinding(() -> mode.get() == Mode.CREATE && takenRole().isPresent(),
                mode, roleName, allRoles);
        newRoleUntrusted = Bindings.createBooleanBinding(() -> mode.get() == Mode.CREATE
                        && trustProblem.get().isEmpty() && !TrustPolicies.trustsFunctionCompute(trustPolicy.get()),
                mode, trustPolicy, trustProblem);
        trustedBy = Bindings.createStringBinding(() -> {
            String document = mode.get() == Mode.CREATE ? trustPolicy.get()
                    : selected.get() == null ? "" : selected.get().trustPolicy();
            List<String> principals = TrustPolicies.trustedPrincipals(document);
            return principals.isEmpty() ? i18n.text("role.trustedBy.nobody") : String.join(", ", principals);
        }, mode, trustPolicy, selected, i18n.localeProperty());
        // Accepting a role FC may not assume is a decision about one role: it does not carry over to another.
        mode.addListener((obs, old, now) -> acceptUntrusted.set(false));
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
                acceptUntrusted.set(false);
                loadGrantsOf(now);
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
        choice = Bindings.createObjectBinding(this::currentChoice, mode, roleName, description, trustPolicy,
                nameProblem, trustProblem, selected, fixTrust, acceptUntrusted);
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

    /**
     * The role chosen, or null while the page's input does not make a usable choice: a role FC may assume, or one
     * it may not that the user accepted as it is (the acceptance goes into the choice, so the plan records it).
     */
    private RoleChoice currentChoice() {
        if (mode.get() == Mode.CREATE) {
            if (!nameProblem.get().isEmpty() || !trustProblem.get().isEmpty()) {
                return null;
            }
            boolean untrusted = newRoleUntrusted.get();
            return untrusted && !acceptUntrusted.get() ? null : new RoleChoice.NewRole(roleName.get(),
                    description.get(), trustPolicy.get(), untrusted);
        }
        RoleSummary role = selected.get();
        if (role == null) {
            return null;
        }
        boolean untrusted = !role.trustsFunctionCompute() && !fixTrust.get();
        return untrusted && !acceptUntrusted.get() ? null
                : new RoleChoice.ExistingRole(role.name(), role.arn(), fixTrust.get(), untrusted);
    }

    /** The role of the name typed for a new one, when it exists and is not this session's own. */
    private Optional<RoleSummary> takenRole() {
        // RAM role names are case-insensitive.
        return find(roleName.get()).filter(role -> draft == null
                || !draft.madeBySession(Change.Kind.CREATE_ROLE, role.name()));
    }

    /** "Use it": the role whose name was typed for a new one becomes the existing role chosen. */
    public void useTakenRole() {
        takenRole().ifPresent(role -> {
            mode.set(Mode.EXISTING);
            showAll.set(showAll.get() || !role.trustsFunctionCompute());
            search.set("");
            selected.set(role);
        });
    }

    /** For a new role whose edited trust policy leaves FC out: adds FC to it, keeping whom it trusts. */
    public void fixNewTrust() {
        if (newRoleUntrusted.get()) {
            trustPolicy.set(TrustPolicies.withFunctionCompute(trustPolicy.get()));
        }
    }

    /** What the chosen existing role has attached now, so reusing it is a decision made knowing that. */
    private void loadGrantsOf(RoleSummary role) {
        selectedGrants.clear();
        if (role == null || loadedFor == null) {
            return;
        }
        CloudSession session = loadedFor;
        executor.submit(i18n.text("role.task.grants", role.name()),
                context -> session.policies().attachmentsOf(role.name()),
                attachments -> {
                    if (selected.get() != null && selected.get().name().equalsIgnoreCase(role.name())) {
                        selectedGrants.setAll(attachments);
                    }
                });
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

    /** The name typed for a new role is that of a role that exists (not this session's own). */
    public BooleanBinding nameTakenProperty() {
        return nameTaken;
    }

    public BooleanBinding newRoleUntrustedProperty() {
        return newRoleUntrusted;
    }

    /** Who the trust policy of the role on screen lets assume it (the new one's, or the selected one's). */
    public StringBinding trustedByProperty() {
        return trustedBy;
    }

    /** The user keeps a role FC may not assume as it is, on purpose; recorded in the plan. */
    public BooleanProperty acceptUntrustedProperty() {
        return acceptUntrusted;
    }

    public ObservableList<Attachment> selectedGrants() {
        return selectedGrants;
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
