package fcperm.app;

import fcperm.sandbox.Sandbox;
import fcperm.wizard.WizardModel;
import fcperm.wizard.WizardStep;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The real desktop app — the same composition root as {@code fcperm}, with its embedded sandbox on a random
 * loopback port and a temporary home — in a headless window, shared by the GUI tests of a class:
 * {@code @RegisterExtension static final RunningApp app = new RunningApp(Locale.ENGLISH);}. It opens before the
 * first test, once the Connect page has connected to the sandbox by itself, and closes after the last.
 */
final class RunningApp implements BeforeAllCallback, AfterAllCallback {

    /** Longer than the double-click time of the headless platform (500 ms). */
    private static final long DOUBLE_CLICK_MILLIS = 700;

    private final Locale locale;
    private long lastPress;
    final FxRobot robot = new FxRobot();
    Path home;
    Composition composition;
    Stage stage;

    RunningApp(Locale locale) {
        this.locale = locale;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("fcperm-gui-test");
        stage = FxToolkit.registerPrimaryStage();
        composition = new Composition(new AppHome(home), locale);
        FxToolkit.setupFixture(() -> composition.open(stage));
        waitUntil(() -> composition.wizard().canNextProperty().get());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        FxToolkit.cleanupStages();
        composition.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    WizardModel wizard() {
        return composition.wizard();
    }

    <S extends WizardStep> S step(Class<S> type) {
        return wizard().step(type);
    }

    Sandbox sandbox() {
        return composition.sandbox().join();
    }

    Scene scene() {
        return stage.getScene();
    }

    <T extends Node> T find(String query) {
        return robot.lookup(query).query();
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    void interact(Runnable action) {
        robot.interact(action);
    }

    /** Waits until the condition holds and no background task runs (30 s at most). */
    void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> condition.getAsBoolean() && !composition.busy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitIdle() throws TimeoutException {
        waitUntil(() -> true);
    }

    /**
     * Presses Next as a user does, and waits for the next page to settle. Two presses on one spot within the
     * double-click time are a double click, which the wizard takes as one press: a robot waits that long between.
     */
    void next() throws TimeoutException {
        waitUntil(() -> wizard().canNextProperty().get());
        pressOnce("#nextButton");
    }

    /** Presses Back as a user does, and waits for the page to settle. */
    void back() throws TimeoutException {
        waitUntil(() -> wizard().canBackProperty().get());
        pressOnce("#backButton");
    }

    private void pressOnce(String button) throws TimeoutException {
        long wait = lastPress + DOUBLE_CLICK_MILLIS - System.currentTimeMillis();
        if (wait > 0) {
            robot.sleep(wait);
        }
        robot.clickOn(button);
        lastPress = System.currentTimeMillis();
        waitIdle();
    }
}
