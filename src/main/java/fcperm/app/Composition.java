package fcperm.app;

import fcperm.cloud.CloudException;
import fcperm.cloud.Connection;
import fcperm.cloud.connection.ConnectionCatalog;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.plan.AuditJournal;
import fcperm.plan.PlanRun;
import fcperm.plan.Planner;
import fcperm.probe.ProbePackage;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.sandbox.store.DataDirectoryInUseException;
import fcperm.wizard.WizardController;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardModel;
import fcperm.wizard.WizardStep;
import fcperm.wizard.WizardWindow;
import fcperm.wizard.common.Appearance;
import fcperm.wizard.common.FxDialogService;
import fcperm.wizard.common.FxUiExecutor;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Theme;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.common.ViewLoader;
import fcperm.wizard.steps.connect.ConnectController;
import fcperm.wizard.steps.connect.ConnectModel;
import fcperm.wizard.steps.permissions.PermissionsController;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionController;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewController;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.role.RoleController;
import fcperm.wizard.steps.role.RoleModel;
import fcperm.wizard.steps.testfunction.ProbeTesting;
import fcperm.wizard.steps.testfunction.TestFunctionController;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The composition root: builds every part of the desktop app with plain constructors and wires the FXML controllers
 * through one controller factory. It is the only place that knows the sandbox: it starts it in the background (so
 * the window never waits for it) and hands the wizard a cloud connection to it, like any other connection.
 */
final class Composition implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Composition.class);

    private final AppHome home;
    /** Completed by {@link #startSandbox()}, once the window is up. */
    private final CompletableFuture<Sandbox> sandbox = new CompletableFuture<>();
    private final UserSettings settings;
    private final I18n i18n;
    private final Appearance appearance;
    private final FxDialogService dialogs;
    private final FxUiExecutor executor;
    private final AuditJournal journal;
    private final WizardModel wizard;
    private final ViewLoader views;

    Composition(AppHome home, Locale systemLocale) {
        this.home = home;
        CompletionStage<Connection> sandboxConnection = sandbox.thenApply(Composition::connectionTo);

        settings = UserSettings.load(home.settings());
        i18n = new I18n(settings.language().orElse(systemLocale));
        appearance = new Appearance(settings.theme().orElse(Theme.LIGHT), i18n);
        dialogs = new FxDialogService(i18n);
        executor = new FxUiExecutor(dialogs);
        journal = new AuditJournal(home.auditJournal());
        Planner planner = new Planner(ProbePackage::build, ProbePackage.HANDLER);

        WizardDraft draft = new WizardDraft();
        ConnectionCatalog catalog = ConnectionCatalog.fromEnvironment();
        ConnectModel connect = new ConnectModel(() -> discovered(catalog), catalog.configFile(), catalog::manual, sandboxConnection,
                executor, i18n, settings);
        RegionModel region = new RegionModel(executor, i18n, settings);
        RoleModel role = new RoleModel(executor, i18n);
        PermissionsModel permissions = new PermissionsModel(executor, i18n);
        ReviewModel review = new ReviewModel((session, request) -> new PlanRun(planner.plan(session, request),
                journal, new PlanRun.Actor(session.connectionName(), session.identity().accountId())),
                executor, dialogs, i18n);
        TestFunctionModel test = new TestFunctionModel(new ProbeTesting(planner, journal, i18n), executor, i18n);
        List<WizardStep> steps = List.of(connect, region, role, permissions, review, test);
        wizard = new WizardModel(steps, draft, executor.busyProperty());

        ControllerFactory controllers = new ControllerFactory();
        views = new ViewLoader(i18n, controllers);
        Map<WizardStep, Class<?>> pages = Map.of(connect, ConnectController.class, region, RegionController.class,
                role, RoleController.class, permissions, PermissionsController.class, review, ReviewController.class,
                test, TestFunctionController.class);
        controllers.register(WizardController.class,
                () -> new WizardController(wizard, executor, appearance, views, pages::get));
        controllers.register(ConnectController.class, () -> new ConnectController(connect, i18n));
        controllers.register(RegionController.class, () -> new RegionController(region, i18n));
        controllers.register(RoleController.class, () -> new RoleController(role, i18n));
        controllers.register(PermissionsController.class, () -> new PermissionsController(permissions, i18n));
        controllers.register(ReviewController.class, () -> new ReviewController(review, i18n, journal.file()));
        controllers.register(TestFunctionController.class, () -> new TestFunctionController(test, i18n));
    }

    /**
     * The cloud connection to the embedded sandbox: its account's root key and its endpoints (one listener for
     * everything; FC of a region other than the default gets a listener of its own, opened on first use).
     */
    static Connection connectionTo(Sandbox started) {
        return connectionTo(started, new Credentials.AccessKey(started.rootCredentials().accessKeyId(),
                started.rootCredentials().accessKeySecret()));
    }

    /** The same, signing with {@code key}: a RAM user's of the sandbox's account. */
    static Connection connectionTo(Sandbox started, Credentials key) {
        return Connection.sandbox(started.region(), key,
                Endpoints.local(started.endpoints().ram(), region -> started.endpoints().fc(region)));
    }

    /** The aliyun CLI profiles, then the environment's key if it has one. */
    private static List<Connection> discovered(ConnectionCatalog catalog) {
        List<Connection> found = new ArrayList<>(catalog.profiles());
        catalog.environment().ifPresent(found::add);
        return found;
    }

    /**
     * Shows the window, then starts the embedded sandbox: its start (Jetty, SQLite, the policy catalog) would
     * otherwise compete with the window's for the CPU, and the Connect page waits for it anyway.
     */
    void open(Stage stage) {
        new WizardWindow(stage, views, appearance, settings, dialogs, wizard).show();
        startSandbox();
    }

    private void startSandbox() {
        Thread starter = new Thread(() -> {
            try {
                sandbox.complete(Sandbox.start(SandboxOptions.of(home.sandboxData())));
            } catch (DataDirectoryInUseException e) {
                // Not a bug but a second copy of the app (or a `sandbox` command) on the same data: say so.
                sandbox.completeExceptionally(new CloudException("start the built-in sandbox", "SandboxDataInUse", 0,
                        "", i18n.text("connect.sandbox.inUse", e.dataDir()), e));
            } catch (RuntimeException | Error e) {
                sandbox.completeExceptionally(e);
            }
        }, "fcperm-sandbox-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Completes when the embedded sandbox answers requests. */
    CompletableFuture<Void> sandboxReady() {
        return sandbox.thenAccept(started -> LOG.info("sandbox ready: {}", started));
    }

    /** True while background work runs (tests wait for it to end). */
    boolean busy() {
        return executor.busyProperty().get();
    }

    WizardModel wizard() {
        return wizard;
    }

    I18n i18n() {
        return i18n;
    }

    Appearance appearance() {
        return appearance;
    }

    AuditJournal journal() {
        return journal;
    }

    /** For tests that need to stop it (a failing apply) or look inside it (a roll-back restored the state). */
    CompletableFuture<Sandbox> sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.thenAccept(started -> {
            try {
                started.close();
            } catch (RuntimeException e) {
                // Closing on the way out: nothing to tell the user, but keep the cause in the log.
                LOG.warn("the sandbox did not close cleanly", e);
            }
        });
    }
}
