package fcperm.wizard;

import fcperm.wizard.common.Appearance;
import fcperm.wizard.common.FxDialogService;
import fcperm.wizard.common.FxUiExecutor;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Theme;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.common.ViewLoader;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The step host in a real window: keyboard, the running-task bar, language and theme switching. */
@ExtendWith(ApplicationExtension.class)
class WizardShellTest {

    @TempDir
    static Path home;

    private final List<String> log = new ArrayList<>();
    private final WizardModelTest.ScriptedStep first = new WizardModelTest.ScriptedStep("first", log);
    private final WizardModelTest.ScriptedStep second = new WizardModelTest.ScriptedStep("second", log);
    private I18n i18n;
    private Appearance appearance;
    private FxUiExecutor executor;
    private WizardModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.ENGLISH);
        appearance = new Appearance(Theme.LIGHT, i18n);
        FxDialogService dialogs = new FxDialogService(i18n);
        executor = new FxUiExecutor(dialogs);
        wizard = new WizardModel(List.of(first, second), new WizardDraft(), executor.busyProperty());
        ViewLoader[] views = new ViewLoader[1];
        views[0] = new ViewLoader(i18n, type -> type == WizardController.class
                ? new WizardController(wizard, executor, appearance, views[0],
                step -> ScriptedPageController.class)
                : new ScriptedPageController(wizard.currentProperty().get() == first ? first : second));
        UserSettings settings = UserSettings.load(home.resolve("settings.properties"));
        new WizardWindow(stage, views[0], appearance, settings, dialogs, wizard).show();
    }

    @Test
    void enterMovesToTheNextStepOnceTheStepIsValid(FxRobot robot) {
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        robot.interact(() -> first.valid.set(true));

        robot.type(KeyCode.ENTER);

        assertThat(wizard.currentProperty().get()).isSameAs(second);
        assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo("Step 2 of 2: FC Permissions Console");
        Button finish = robot.lookup("#finishButton").queryButton();
        assertThat(finish.isVisible()).isTrue();
        assertThat(finish.isDefaultButton()).isTrue();
    }

    @Test
    void escapeStopsTheRunningTask(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        robot.interact(() -> executor.submit("Long listing", context -> {
            started.countDown();
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            sawCancel.set(true);
            return null;
        }, result -> { }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(robot.lookup("#cancelTaskButton").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#taskMessage").queryAs(Label.class).getText()).isEqualTo("Long listing");

        robot.type(KeyCode.ESCAPE);
        // The bar clears at once; the work itself notices the request at its next check.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !executor.busyProperty().get() && sawCancel.get());

        assertThat(robot.lookup("#cancelTaskButton").queryButton().isVisible()).isFalse();
    }

    @Test
    void switchingToChineseReloadsTheTextsAndKeepsTheState(FxRobot robot) {
        robot.interact(() -> first.valid.set(true));
        robot.interact(() -> appearance.setLanguage(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nextButton").queryButton().getText()).isEqualTo("下一步");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#valid-first").tryQuery()).isPresent();
    }

    @Test
    void theWindowShowsTheAppIconInEverySizeATaskBarPicksFrom() {
        assertThat(stage.getIcons()).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
        assertThat(stage.getIcons()).extracting(icon -> (int) icon.getWidth()).containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void theThemeButtonSwitchesBetweenLightAndDark(FxRobot robot) {
        robot.clickOn("#themeButton");
        assertThat(appearance.theme()).isEqualTo(Theme.DARK);
        assertThat(Application.getUserAgentStylesheet()).contains("dark");
        robot.interact(appearance::toggleTheme);
        assertThat(Application.getUserAgentStylesheet()).contains("light");
    }
}
