package fcperm.wizard.steps.permissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.Attachment;
import fcperm.cloud.BucketSummary;
import fcperm.cloud.CloudSession;
import fcperm.cloud.PolicySummary;
import fcperm.cloud.ResourceGroup;
import fcperm.plan.Grant;
import fcperm.plan.PolicyDocuments;
import fcperm.plan.RoleChoice;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListLoading;
import fcperm.wizard.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Permissions: system policies (searchable, with descriptions and documents), custom policies (existing ones, or a
 * new one written in an editor that the policy engine checks as you type, reporting line and column), presets that
 * generate a least-privilege custom policy from an intent, and the scope of each grant (the account or a resource
 * group). Policies the role already has are listed and never attached twice.
 */
public final class PermissionsModel implements WizardStep {

    /** Where the policy to add comes from: the tab the user is on. */
    public enum Source { SYSTEM, CUSTOM, NEW }

    public enum ScopeKind { ACCOUNT, RESOURCE_GROUP }

    /** The intents the presets know. */
    public enum PresetKind { OSS_WRITE, OSS_READ, LOG_WRITE, VPC_ACCESS }

    /** What the page lists, loaded together in the background. */
    record Catalogue(List<PolicySummary> system, List<PolicySummary> custom, List<ResourceGroup> groups,
                     List<Attachment> attached, List<BucketSummary> buckets) {
    }

    private static final ObjectMapper INDENTING = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final UiExecutor executor;
    private final I18n i18n;

    private final ObservableList<PolicySummary> systemPolicies = FXCollections.observableArrayList();
    private final FilteredList<PolicySummary> visibleSystemPolicies = new FilteredList<>(systemPolicies);
    private final StringProperty systemSearch = new SimpleStringProperty(this, "systemSearch", "");
    private final ObjectProperty<PolicySummary> selectedSystem = new SimpleObjectProperty<>(this, "selectedSystem");
    private final ReadOnlyStringWrapper systemDocument = new ReadOnlyStringWrapper(this, "systemDocument", "");
    private final ListLoading loading;

    private final ObservableList<PolicySummary> customPolicies = FXCollections.observableArrayList();
    private final ObjectProperty<PolicySummary> selectedCustom = new SimpleObjectProperty<>(this, "selectedCustom");
    private final StringProperty customName = new SimpleStringProperty(this, "customName", "");
    private final StringProperty editorText = new SimpleStringProperty(this, "editorText", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper customNameProblem = new ReadOnlyStringWrapper(this, "customNameProblem", "");

    private final ObjectProperty<PresetKind> presetKind = new SimpleObjectProperty<>(this, "presetKind", PresetKind.OSS_WRITE);
    private final StringProperty presetFirst = new SimpleStringProperty(this, "presetFirst", "");
    private final StringProperty presetSecond = new SimpleStringProperty(this, "presetSecond", "");
    private final ObservableList<String> bucketNames = FXCollections.observableArrayList();

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.SYSTEM);
    private final ObjectProperty<ScopeKind> scopeKind = new SimpleObjectProperty<>(this, "scopeKind", ScopeKind.ACCOUNT);
    private final ObservableList<ResourceGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<ResourceGroup> group = new SimpleObjectProperty<>(this, "group");
    private final ReadOnlyStringWrapper addProblem = new ReadOnlyStringWrapper(this, "addProblem", "");
    private final ReadOnlyStringWrapper presetNote = new ReadOnlyStringWrapper(this, "presetNote", "");
    /* Documents of custom policies fetched to compare with a generated one. */
    private final java.util.Map<String, String> knownDocuments = new java.util.HashMap<>();

    private final ObservableList<Grant> grants = FXCollections.observableArrayList();
    private final ObservableList<Attachment> attached = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper editorValid = new ReadOnlyBooleanWrapper(this, "editorValid", true);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper roleName = new ReadOnlyStringWrapper(this, "roleName", "");

    private CloudSession session;
    private RoleChoice loadedRole;
    private WizardDraft draft;
    private String accountId = "";

    public PermissionsModel(UiExecutor executor, I18n i18n) {
        this.executor = executor;
        this.i18n = i18n;
        systemSearch.addListener((obs, old, now) -> refilterSystem());
        loading = new ListLoading(i18n, () -> i18n.text("permissions.loading"),
                () -> i18n.text("permissions.count", visibleSystemPolicies.size(), systemPolicies.size()),
                visibleSystemPolicies, systemPolicies);
        selectedSystem.addListener((obs, old, now) -> loadSystemDocument(now));
        editorText.addListener((obs, old, now) -> {
            checkEditor();
            checkCustomName();
            presetNote.set("");
        });
        customName.addListener((obs, old, now) -> checkCustomName());
        i18n.localeProperty().addListener((obs, old, now) -> {
            checkEditor();
            checkCustomName();
        });
        // A refused "Add" stands until the input changes: going on would plan without what the user meant to add.
        valid.bind(Bindings.createBooleanBinding(() -> editorValid.get() && addProblem.get().isEmpty()
                        && (!grants.isEmpty() || !attached.isEmpty()),
                editorValid, addProblem, grants, attached));
        for (javafx.beans.Observable input : List.of(source, selectedSystem, selectedCustom, editorText, customName,
                scopeKind, group, presetKind, presetFirst, presetSecond)) {
            input.addListener(changed -> addProblem.set(""));
        }
        // The draft holds the grants at every moment.
        grants.addListener((javafx.collections.ListChangeListener<Grant>) change -> publish());
    }

    @Override
    public String id() {
        return "permissions";
    }

    @Override
    public String titleKey() {
        return "permissions.title";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Lists the policies again each time (policies come and go outside the app), keeping the grants. */
    @Override
    public void enter(WizardDraft current) {
        draft = current;
        RoleChoice role = current.role().orElseThrow();
        roleName.set(role.name());
        if (current.session() != session) {
            grants.clear();
        }
        session = current.session();
        loadedRole = role;
        accountId = session.identity().accountId();
        publish();
        reload();
    }

    private void publish() {
        if (draft != null) {
            draft.setGrants(grants);
        }
    }

    /** Loads the policies, the resource groups, the buckets and what the role has attached now. */
    public void reload() {
        RoleChoice role = loadedRole;
        CloudSession current = session;
        loading.started();
        executor.submit(i18n.text("permissions.task.load"), context -> {
            context.message(i18n.text("permissions.loading.system"));
            List<PolicySummary> system = current.policies().list(PolicyKind.SYSTEM,
                    context::progress, context::isCancelled);
            context.message(i18n.text("permissions.loading.custom"));
            List<PolicySummary> custom = current.policies().list(PolicyKind.CUSTOM,
                    context::progress, context::isCancelled);
            List<ResourceGroup> resourceGroups = current.resourceGroups().list();
            // A new role may exist already: this session made it on an earlier pass.
            List<Attachment> existing = current.roles().find(role.name()).isPresent()
                    ? current.policies().attachmentsOf(role.name()) : List.of();
            List<BucketSummary> buckets = current.objects().listBuckets();
            return new Catalogue(system, custom, resourceGroups, existing, buckets);
        }, catalogue -> {
            loading.succeeded();
            systemPolicies.setAll(catalogue.system());
            customPolicies.setAll(catalogue.custom());
            groups.setAll(catalogue.groups());
            if (group.get() == null && !groups.isEmpty()) {
                group.set(groups.get(0));
            }
            attached.setAll(catalogue.attached());
            bucketNames.setAll(catalogue.buckets().stream().map(BucketSummary::name).toList());
            checkCustomName();
        }, loading::failed);
    }

    /** Adds the policy of the current source at the chosen scope to the grants. */
    public void add() {
        addProblem.set("");
        Optional<PolicyScope> scope = scope();
        if (scope.isEmpty()) {
            addProblem.set(i18n.text("permissions.add.noGroup"));
            return;
        }
        Optional<Grant> grant = switch (source.get()) {
            case SYSTEM -> Optional.ofNullable(selectedSystem.get())
                    .map(p -> Grant.existing(p.name(), PolicyKind.SYSTEM, scope.get()));
            case CUSTOM -> Optional.ofNullable(selectedCustom.get())
                    .map(p -> Grant.existing(p.name(), PolicyKind.CUSTOM, scope.get()));
            case NEW -> newCustomGrant(scope.get());
        };
        if (grant.isEmpty()) {
            if (addProblem.get().isEmpty()) {
                addProblem.set(i18n.text("permissions.add.nothing"));
            }
            return;
        }
        if (alreadyAttached(grant.get())) {
            addProblem.set(i18n.text("permissions.add.attached", grant.get().policyName()));
            return;
        }
        boolean duplicate = grants.stream().anyMatch(g -> g.policyName().equals(grant.get().policyName())
                && g.kind() == grant.get().kind() && g.scope().equals(grant.get().scope()));
        if (duplicate) {
            addProblem.set(i18n.text("permissions.add.twice", grant.get().policyName()));
            return;
        }
        grants.add(grant.get());
        if (source.get() == Source.NEW) {
            editorText.set("");
            customName.set("");
        }
    }

    public void remove(Grant grant) {
        grants.remove(grant);
    }

    /**
     * Fills the editor with the least-privilege policy for the chosen intent and switches to it. A custom policy
     * with the same document (the preset used before) is reused under its name; otherwise the name is made unique.
     */
    public void generate() {
        Preset preset = switch (presetKind.get()) {
            case OSS_WRITE -> new Preset.OssWrite(presetFirst.get().trim(), presetSecond.get().trim());
            case OSS_READ -> new Preset.OssRead(presetFirst.get().trim(), presetSecond.get().trim());
            case LOG_WRITE -> new Preset.LogWrite(presetFirst.get().trim(), presetSecond.get().trim());
            case VPC_ACCESS -> new Preset.VpcAccess();
        };
        if (presetKind.get() != PresetKind.VPC_ACCESS && presetFirst.get().isBlank()) {
            addProblem.set(i18n.text("permissions.presets.missing"));
            return;
        }
        String document = preset.document(accountId);
        String base = preset.policyName();
        Pattern numbered = Pattern.compile(Pattern.quote(base) + "(-[0-9]+)?");
        List<String> candidates = customPolicies.stream().map(PolicySummary::name)
                .filter(name -> numbered.matcher(name).matches()).toList();
        CloudSession current = session;
        executor.submit(i18n.text("permissions.task.compare"), context -> {
            for (String candidate : candidates) {
                String existing = current.policies().document(candidate, PolicyKind.CUSTOM);
                knownDocuments.put(candidate, existing);
                if (PolicyDocuments.same(existing, document)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.<String>empty();
        }, identical -> {
            customName.set(identical.orElseGet(() -> uniqueName(base)));
            editorText.set(document);
            source.set(Source.NEW);
            presetNote.set(identical.map(name -> i18n.text("permissions.presets.reused", name)).orElse(""));
        });
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ...: the first name no policy and no grant has. */
    private String uniqueName(String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        customPolicies.forEach(policy -> taken.add(policy.name()));
        grants.forEach(grant -> taken.add(grant.policyName()));
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            String suffix = "-" + n;
            name = (base.length() + suffix.length() <= 128 ? base : base.substring(0, 128 - suffix.length())) + suffix;
        }
        return name;
    }

    private Optional<Grant> newCustomGrant(PolicyScope scope) {
        if (editorText.get().isBlank()) {
            return Optional.empty();
        }
        if (!editorValid.get()) {
            addProblem.set(i18n.text("permissions.add.invalid"));
            return Optional.empty();
        }
        if (!customNameProblem.get().isEmpty()) {
            addProblem.set(customNameProblem.get());
            return Optional.empty();
        }
        return Optional.of(Grant.newCustom(customName.get(), editorText.get(), scope));
    }

    private Optional<PolicyScope> scope() {
        if (scopeKind.get() == ScopeKind.ACCOUNT) {
            return Optional.of(PolicyScope.account());
        }
        return Optional.ofNullable(group.get()).map(g -> PolicyScope.resourceGroup(g.id()));
    }

    /** What adding the grant will really do, for "Will be granted": only what is new is marked new. */
    public GrantEffect effectOf(Grant grant) {
        if (alreadyAttached(grant)) {
            return GrantEffect.ALREADY_ATTACHED;
        }
        if (grant.newDocument().isPresent()
                && customPolicies.stream().noneMatch(p -> p.name().equals(grant.policyName()))) {
            return GrantEffect.NEW_POLICY;
        }
        return GrantEffect.ATTACH;
    }

    public enum GrantEffect { NEW_POLICY, ATTACH, ALREADY_ATTACHED }

    private boolean alreadyAttached(Grant grant) {
        return attached.stream().anyMatch(a -> a.policyName().equals(grant.policyName())
                && a.kind() == grant.kind() && a.scope().equals(grant.scope()));
    }

    private void checkEditor() {
        String text = editorText.get();
        if (text.isBlank()) {
            problems.clear();
            editorValid.set(true);
            return;
        }
        ParseResult result = PolicyParser.parse(text);
        problems.setAll(result.errors().stream().map(this::describe).toList());
        editorValid.set(result.valid());
    }

    private void checkCustomName() {
        String name = customName.get();
        Optional<String> rule = PolicyNameRule.problemKey(name);
        if (rule.isPresent()) {
            customNameProblem.set(i18n.text(rule.get()));
        } else if (customPolicies.stream().anyMatch(p -> p.name().equals(name)) && !sameAsExisting(name)) {
            customNameProblem.set(i18n.text("permissions.custom.name.taken"));
        } else {
            customNameProblem.set("");
        }
    }

    /* The name of an existing policy is no problem when the editor holds that policy's very document (reuse). */
    private boolean sameAsExisting(String name) {
        String existing = knownDocuments.get(name);
        return existing != null && PolicyDocuments.same(existing, editorText.get());
    }

    private String describe(PolicyProblem problem) {
        return i18n.text("policy.problem", problem.line(), problem.column(), problem.message());
    }

    private void loadSystemDocument(PolicySummary policy) {
        systemDocument.set("");
        if (policy == null || session == null) {
            return;
        }
        CloudSession current = session;
        executor.submit(i18n.text("permissions.task.document", policy.name()),
                context -> current.policies().document(policy.name(), PolicyKind.SYSTEM),
                document -> {
                    if (policy.equals(selectedSystem.get())) {
                        systemDocument.set(indented(document));
                    }
                });
    }

    /** The document one key per line, as the editor shows policies (the cloud may send one compact line). */
    private static String indented(String document) {
        try {
            return INDENTING.writeValueAsString(INDENTING.readTree(document));
        } catch (JsonProcessingException notJson) {
            return document;
        }
    }

    private void refilterSystem() {
        String needle = systemSearch.get().trim().toLowerCase(Locale.ROOT);
        visibleSystemPolicies.setPredicate(p -> needle.isEmpty()
                || p.name().toLowerCase(Locale.ROOT).contains(needle)
                || p.description().toLowerCase(Locale.ROOT).contains(needle));
    }

    public ObservableList<PolicySummary> visibleSystemPolicies() {
        return visibleSystemPolicies;
    }

    public StringProperty systemSearchProperty() {
        return systemSearch;
    }

    public ObjectProperty<PolicySummary> selectedSystemProperty() {
        return selectedSystem;
    }

    public ReadOnlyStringProperty systemDocumentProperty() {
        return systemDocument.getReadOnlyProperty();
    }

    public StringBinding systemStatusProperty() {
        return loading.statusProperty();
    }

    public ObservableList<PolicySummary> customPolicies() {
        return customPolicies;
    }

    public ObjectProperty<PolicySummary> selectedCustomProperty() {
        return selectedCustom;
    }

    public StringProperty customNameProperty() {
        return customName;
    }

    public ReadOnlyStringProperty customNameProblemProperty() {
        return customNameProblem.getReadOnlyProperty();
    }

    public StringProperty editorTextProperty() {
        return editorText;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty editorValidProperty() {
        return editorValid.getReadOnlyProperty();
    }

    public ObjectProperty<PresetKind> presetKindProperty() {
        return presetKind;
    }

    public StringProperty presetFirstProperty() {
        return presetFirst;
    }

    public StringProperty presetSecondProperty() {
        return presetSecond;
    }

    public ObservableList<String> bucketNames() {
        return bucketNames;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<ScopeKind> scopeKindProperty() {
        return scopeKind;
    }

    public ObservableList<ResourceGroup> groups() {
        return groups;
    }

    public ObjectProperty<ResourceGroup> groupProperty() {
        return group;
    }

    /** Says when a preset's policy exists already and is reused. */
    public ReadOnlyStringProperty presetNoteProperty() {
        return presetNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addProblemProperty() {
        return addProblem.getReadOnlyProperty();
    }

    public ObservableList<Grant> grants() {
        return grants;
    }

    public ObservableList<Attachment> attached() {
        return attached;
    }

    public ReadOnlyStringProperty roleNameProperty() {
        return roleName.getReadOnlyProperty();
    }
}
