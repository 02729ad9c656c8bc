package fcperm.app;

import fcperm.wizard.WizardStep;
import fcperm.wizard.common.Theme;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every page of the wizard, light and dark, headless, as a user sees it while granting a service access
 * and testing it: {@code <step>-light.png} and {@code <step>-dark.png} in the folder named by the system property
 * {@code screenshots.dir} ({@code mvn -Pscreenshots test} points it at {@code screenshots/}; in a normal build it
 * is {@code target/screenshots}).
 */
class ScreenshotTour {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static Path out;

    @BeforeAll
    static void open() throws Exception {
        out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }


    @Test
    void rendersEveryPageInBothThemes() throws Exception {
        shoot();
        app.next();

        RegionModel region = app.step(RegionModel.class);
        app.interact(() -> {
            region.modeProperty().set(RegionModel.Mode.NEW);
            region.newNameProperty().set("image-resizer");
        });
        shoot();
        app.next();

        app.robot.clickOn("#advanced");
        shoot();
        app.next();

        PermissionsModel permissions = app.step(PermissionsModel.class);
        app.waitUntil(() -> !permissions.visibleSystemPolicies().isEmpty());
        app.interact(() -> {
            permissions.systemSearchProperty().set("OSS");
            permissions.selectedSystemProperty().set(permissions.visibleSystemPolicies().get(0));
            permissions.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
            permissions.presetFirstProperty().set("image-resizer-output");
            permissions.presetSecondProperty().set("thumbnails/");
            permissions.generate();
        });
        app.waitIdle();
        shoot();
        app.interact(permissions::add);
        app.next();

        ReviewModel review = app.step(ReviewModel.class);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.READY);
        app.interact(review::apply);
        app.waitUntil(() -> review.phaseProperty().get() == ReviewModel.Phase.APPLIED);
        shoot();
        app.next();

        TestFunctionModel test = app.step(TestFunctionModel.class);
        app.interact(() -> {
            test.bucketProperty().set("image-resizer-output");
            test.objectNameProperty().set("thumbnails/probe.txt");
            test.createBucket();
        });
        app.waitIdle();
        app.interact(test::runTest);
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        shoot();
    }

    /** The current page in both themes, leaving the app in the light one. */
    private static void shoot() throws Exception {
        WizardStep step = app.wizard().currentProperty().get();
        for (Theme theme : Theme.values()) {
            app.interact(() -> app.composition.appearance().themeProperty().set(theme));
            app.waitIdle();
            Path file = out.resolve(step.id() + "-" + theme.fileSuffix() + ".png");
            app.interact(() -> Snapshots.save(app.scene(), file));
            assertThat(Files.size(file)).isPositive();
        }
        app.interact(() -> app.composition.appearance().themeProperty().set(Theme.LIGHT));
    }
}
