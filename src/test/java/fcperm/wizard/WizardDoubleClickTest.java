package fcperm.wizard;

import fcperm.wizard.common.Appearance;
import fcperm.wizard.common.FxDialogService;
import fcperm.wizard.common.FxUiExecutor;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Theme;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.common.ViewLoader;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A double click on Next is one press, even when every page is valid at once (nothing to load that would hold
 * Next): the second click would act on a page the user has not seen.
 */
@ExtendWith(ApplicationExtension.class)
class WizardDoubleClickTest {

    @TempDir
    static Path home;

    private final List<String> log = new ArrayList<>();
    private final WizardModelTest.ScriptedStep first = new WizardModelTest.ScriptedStep("first", log);
    private final WizardModelTest.ScriptedStep second = new WizardModelTest.ScriptedStep("second", log);
    private final WizardModelTest.ScriptedStep third = new WizardModelTest.ScriptedStep("third", log);
    private WizardModel wizard;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        Appearance appearance = new Appearance(Theme.LIGHT, i18n);
        FxDialogService dialogs = new FxDialogService(i18n);
        FxUiExecutor executor = new FxUiExecutor(dialogs);
        List.of(first, second, third).forEach(step -> step.valid.set(true));
        wizard = new WizardModel(List.of(first, second, third), new WizardDraft(), executor.busyProperty());
        ViewLoader[] views = new ViewLoader[1];
        views[0] = new ViewLoader(i18n, type -> type == WizardController.class
                ? new WizardController(wizard, executor, appearance, views[0], step -> ScriptedPageController.class)
                : new ScriptedPageController((WizardModelTest.ScriptedStep) wizard.currentProperty().get()));
        new WizardWindow(stage, views[0], appearance, UserSettings.load(home.resolve("settings.properties")), dialogs,
                wizard).show();
    }

    @Test
    void aDoubleClickOnNextMovesOnePage(FxRobot robot) {
        robot.moveTo("#nextButton");
        // The four events go in at once, as a person's double click does.
        BaseRobot mouse = robot.robotContext().getBaseRobot();
        for (int click = 0; click < 2; click++) {
            mouse.pressMouse(MouseButton.PRIMARY);
            mouse.releaseMouse(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizard.currentProperty().get()).isSameAs(second);
    }
}
