package fcperm.app;

import fcperm.cloud.PolicySummary;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.Theme;
import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every page of the wizard, light and dark, headless, as a user sees it while granting a service access
 * and testing it: {@code <step>-light.png} and {@code <step>-dark.png}, and the first page once more in Chinese
 * ({@code connect-zh-CN.png}, switched in the header as a user does), in the folder named by the system property
 * {@code screenshots.dir}, and the Test page's denial at the default size ({@code test-denied-light.png})
 * ({@code mvn -Pscreenshots test} points it at {@code screenshots/}; in a normal build it
 * is {@code target/screenshots}). Chinese text needs a CJK font on the machine (installer/smoke.sh installs one);
 * without it the Chinese page shows boxes.
 */
class ScreenshotTour {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);
    static Path out;

    @BeforeAll
    static void open() throws Exception {
        out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        // an account that already has services, so the Region & service page lists some, as a real one does
        SandboxWorld world = new SandboxWorld(app.sandbox());
        world.createService("orders-api", "Order processing API", world.createRoleTrustingFc("orders-api-role"));
        world.createService("nightly-report", "Nightly sales report", null);
    }


    @Test
    void rendersEveryPageInBothThemes() throws Exception {
        shoot();
        shootInChinese();
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
            permissions.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
            permissions.presetFirstProperty().set("image-resizer-output");
            permissions.presetSecondProperty().set("thumbnails/");
            permissions.generate();
        });
        app.waitIdle();
        // the least-privilege policy is added; the user then looks at a system policy before moving on
        app.interact(() -> {
            permissions.add();
            permissions.sourceProperty().set(PermissionsModel.Source.SYSTEM);
            permissions.systemSearchProperty().set("OSS");
        });
        ListView<PolicySummary> systemPolicies = app.find("#systemPolicies");
        PolicySummary readOnly = permissions.visibleSystemPolicies().stream()
                .filter(p -> p.name().equals("AliyunOSSReadOnlyAccess")).findFirst().orElseThrow();
        app.interact(() -> {
            systemPolicies.getSelectionModel().select(readOnly);
            systemPolicies.scrollTo(readOnly);
        });
        app.waitIdle();
        assertThat(permissions.grants()).hasSize(1);
        shoot();
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

        // the preset grants writes under thumbnails/ only: elsewhere OSS refuses, and the page explains why
        app.interact(() -> test.objectNameProperty().set("originals/probe.txt"));
        app.interact(test::runTest);
        app.waitUntil(() -> test.verdictProperty().get() != TestFunctionModel.Verdict.RUNNING);
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.DENIED);
        Path denied = out.resolve("test-denied-light.png");
        app.interact(() -> Snapshots.save(app.scene(), denied));
        assertThat(Files.size(denied)).isPositive();
    }

    /** The current page in Chinese, light, leaving the app in English. */
    private static void shootInChinese() throws Exception {
        ComboBox<Locale> language = app.find("#languageBox");
        app.interact(() -> language.setValue(Locale.SIMPLIFIED_CHINESE));
        app.waitIdle();
        assertThat(app.robot.lookup("#nextButton").queryButton().getText()).isEqualTo("下一步");
        Path file = out.resolve(app.wizard().currentProperty().get().id() + "-zh-CN.png");
        app.interact(() -> Snapshots.save(app.scene(), file));
        app.interact(() -> language.setValue(Locale.ENGLISH));
        app.waitIdle();
        assertThat(app.robot.lookup("#nextButton").queryButton().getText()).isEqualTo("Next");
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
