package fcperm.wizard.steps.connect;

import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.session.SdkSession;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.Fact;
import fcperm.wizard.common.FailureText;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.UiExecutor;
import fcperm.wizard.common.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Connect: the built-in sandbox (the default; it starts in the background while the window opens), the aliyun CLI
 * profiles, the environment, or an AccessKey typed in. Connecting asks the cloud who we are; the page shows the
 * account, the principal and the endpoints, or what went wrong and what to do.
 */
public final class ConnectModel implements WizardStep {

    /** One line of the list of connections. {@code connection} is empty for manual entry and a starting sandbox. */
    public record Choice(String id, Kind kind, String label, String detail, Optional<Connection> connection,
                         Optional<String> unavailableReason) {
        public enum Kind { SANDBOX, PROFILE, ENVIRONMENT, MANUAL }

        public boolean usable() {
            return unavailableReason.isEmpty();
        }
    }


    /** Makes the connection for a typed-in AccessKey, saving it as an aliyun CLI profile when a name is given. */
    @FunctionalInterface
    public interface ManualEntry {
        Connection connection(String keyId, String secret, Optional<String> saveAsProfile) throws Exception;
    }

    public static final String SANDBOX_ID = "sandbox";
    public static final String MANUAL_ID = "manual";

    private final Supplier<List<Connection>> discovered;
    private final Path profileFile;
    private final ManualEntry manualEntry;
    private final CompletionStage<Connection> sandbox;
    private final UiExecutor executor;
    private final I18n i18n;
    private final UserSettings settings;

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty keyId = new SimpleStringProperty(this, "keyId", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final BooleanProperty saveProfile = new SimpleBooleanProperty(this, "saveProfile");
    private final StringProperty profileName = new SimpleStringProperty(this, "profileName", "");
    private final ReadOnlyObjectWrapper<CloudSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper connectedTo = new ReadOnlyStringWrapper(this, "connectedTo", "");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private Connection sandboxConnection;
    private List<Connection> foundConnections = List.of();
    private WizardDraft draft;

    /**
     * {@code discovered}: the connections found on this machine (aliyun CLI profiles, the environment), asked when
     * the page is first shown; {@code profileFile}: the aliyun CLI's file they are read from; {@code manualEntry}: how a typed-in key becomes a connection; {@code sandbox}:
     * completes with the connection to the embedded sandbox once it runs.
     */
    public ConnectModel(Supplier<List<Connection>> discovered, Path profileFile, ManualEntry manualEntry,
                        CompletionStage<Connection> sandbox, UiExecutor executor, I18n i18n, UserSettings settings) {
        this.discovered = discovered;
        this.profileFile = profileFile;
        this.manualEntry = manualEntry;
        this.sandbox = sandbox;
        this.executor = executor;
        this.i18n = i18n;
        this.settings = settings;
        selected.addListener((obs, old, now) -> problem.set(""));
        // the choices' labels are texts of the current language: rebuild them when the user switches it
        i18n.localeProperty().addListener((obs, old, now) -> {
            if (draft != null) {
                refreshChoices();
            }
        });
        valid.bind(Bindings.createBooleanBinding(() -> session.get() != null && selected.get() != null
                && selected.get().id().equals(connectedTo.get()), session, selected, connectedTo));
    }

    @Override
    public String id() {
        return "connect";
    }

    @Override
    public String titleKey() {
        return "connect.title";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The first time only: lists the connections, preselects the last one used (or the sandbox) and waits for it. */
    @Override
    public void enter(WizardDraft current) {
        if (draft != null) {
            return;
        }
        draft = current;
        refreshChoices();
        // Reading the CLI's config file is I/O: not on the UI thread, and not before the window shows.
        executor.submit(i18n.text("connect.task.discover"), context -> discovered.get(), found -> {
            foundConnections = found;
            refreshChoices();
            preselect();
        });
        preselect();
        status.set(i18n.text("connect.sandbox.starting"));
        executor.submit(i18n.text("connect.task.sandbox"), context -> sandbox.toCompletableFuture().get(),
                ready -> {
                    sandboxConnection = ready;
                    status.set("");
                    refreshChoices();
                    if (selected.get() != null && selected.get().kind() == Choice.Kind.SANDBOX) {
                        connect();
                    }
                }, failure -> {
                    status.set("");
                    problem.set(i18n.text("connect.sandbox.failed", FailureText.of(failure, i18n).reason()));
                });
    }

    /** The connection used last time when it is still there, otherwise the sandbox. */
    private void preselect() {
        if (session.get() != null) {
            return;
        }
        String last = settings.lastConnection().orElse(SANDBOX_ID);
        selected.set(choices.stream().filter(c -> c.id().equals(last) && c.usable()).findFirst()
                .orElse(choices.get(0)));
    }

    @Override
    public void leave(WizardDraft current) {
        current.setSession(session.get());
        settings.setLastConnection(connectedTo.get());
    }

    /** Connects with the selected choice and asks the cloud who we are. */
    public void connect() {
        Choice choice = selected.get();
        if (choice == null || connecting.get()) {
            return;
        }
        if (!checked(choice)) {
            return;
        }
        String id = keyId.get().trim();
        String key = secret.get();
        Optional<String> saveAs = saveProfile.get() ? Optional.of(profileName.get()) : Optional.empty();
        problem.set("");
        connecting.set(true);
        executor.submit(i18n.text("connect.task.connect", choice.label()), context -> {
            CloudSession opened = SdkSession.open(choice.kind() == Choice.Kind.MANUAL
                    ? manualEntry.connection(id, key, saveAs) : choice.connection().orElse(sandboxConnection));
            // asking for the key may renew it (a call to STS): here, off the UI thread
            return new Connected(opened, opened.keyExpiry());
        }, connected -> {
                    connecting.set(false);
                    session.set(connected.session());
                    connectedTo.set(choice.id());
                    draft.setSession(connected.session());
                    showIdentity(connected, choice);
                }, failure -> {
                    connecting.set(false);
                    session.set(null);
                    connectedTo.set("");
                    facts.clear();
                    problem.set(FailureText.of(failure, i18n).reason());
                });
    }

    /** Whether the choice can be tried; if not, says why. */
    private boolean checked(Choice choice) {
        String why = "";
        if (!choice.usable()) {
            why = choice.unavailableReason().orElseThrow();
        } else if (choice.kind() == Choice.Kind.SANDBOX && sandboxConnection == null) {
            why = i18n.text("connect.sandbox.notReady");
        } else if (choice.kind() == Choice.Kind.MANUAL && (keyId.get().isBlank() || secret.get().isEmpty())) {
            why = i18n.text("connect.manual.missing");
        } else if (choice.kind() == Choice.Kind.MANUAL && saveProfile.get()
                && !profileName.get().matches("[A-Za-z0-9_-]+")) {
            why = i18n.text("connect.manual.badProfileName");
        }
        problem.set(why);
        return why.isEmpty();
    }

    /** A session just opened, and when its key expires. */
    private record Connected(CloudSession session, Optional<Instant> keyExpiry) {
    }

    private void showIdentity(Connected connected, Choice choice) {
        CloudSession opened = connected.session();
        List<Fact> lines = new ArrayList<>();
        lines.add(new Fact("connect.fact.mode", opened.mode()));
        if (choice.kind() == Choice.Kind.PROFILE) {
            lines.add(new Fact("connect.fact.profileFile", profileFile.toString()));
        }
        lines.add(new Fact("connect.fact.account", opened.identity().accountId()));
        lines.add(new Fact("connect.fact.principalType", opened.identity().principalType()));
        lines.add(new Fact("connect.fact.principal", opened.identity().arn()));
        lines.add(new Fact("connect.fact.expires", connected.keyExpiry().map(Instant::toString)
                .orElse(i18n.text("connect.fact.expires.never"))));
        lines.add(new Fact("connect.fact.ram", opened.endpoints().ram().toString()));
        lines.add(new Fact("connect.fact.sts", opened.endpoints().sts().toString()));
        lines.add(new Fact("connect.fact.resourceManager", opened.endpoints().resourceManager().toString()));
        lines.add(new Fact("connect.fact.fc", opened.endpoints().fc().toString()));
        lines.add(new Fact("connect.fact.oss", opened.endpoints().oss().toString()));
        facts.setAll(lines);
    }

    private void refreshChoices() {
        Choice keep = selected.get();
        List<Choice> list = new ArrayList<>();
        list.add(new Choice(SANDBOX_ID, Choice.Kind.SANDBOX, i18n.text("connect.sandbox"),
                i18n.text(sandboxConnection == null ? "connect.sandbox.starting" : "connect.sandbox.ready"),
                Optional.ofNullable(sandboxConnection), Optional.empty()));
        for (Connection found : foundConnections) {
            boolean environment = found.kind() == Connection.Kind.ENVIRONMENT;
            list.add(new Choice(environment ? "environment" : "profile:" + found.name(),
                    environment ? Choice.Kind.ENVIRONMENT : Choice.Kind.PROFILE,
                    environment ? i18n.text("connect.environment") : i18n.text("connect.profile", found.name()),
                    found.description(), Optional.of(found), found.unusable().map(unusable -> i18n.text(
                            unusable.reason(), unusable.mode(), found.name(), unusable.detail()))));
        }
        list.add(new Choice(MANUAL_ID, Choice.Kind.MANUAL, i18n.text("connect.manual"),
                i18n.text("connect.manual.detail"), Optional.empty(), Optional.empty()));
        choices.setAll(list);
        if (keep != null) {
            selected.set(list.stream().filter(c -> c.id().equals(keep.id())).findFirst().orElse(list.get(0)));
        }
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> selectedProperty() {
        return selected;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    public StringProperty secretProperty() {
        return secret;
    }



    public BooleanProperty saveProfileProperty() {
        return saveProfile;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public ReadOnlyObjectProperty<CloudSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ObservableList<Fact> facts() {
        return facts;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }
}
