package fcperm.app;

import fcperm.wizard.steps.permissions.PermissionsModel;
import fcperm.wizard.steps.region.RegionModel;
import fcperm.wizard.steps.role.RoleModel;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switched mid-flow, on each page with a list: the count lines follow the language (they were once
 * written as text and stayed in the old one), the choices stay, and Next stays as it was.
 */
class LanguageSwitchJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    @BeforeAll
    static void twoServices() throws Exception {
        SandboxWorld world = new SandboxWorld(app.sandbox());
        world.createService("orders", "", null);
        world.createService("invoices", "", null);
    }

    @Test
    void countsFollowTheLanguageAndTheChoicesStay() throws Exception {
        app.next();
        RegionModel region = app.step(RegionModel.class);
        assertThat(status()).isEqualTo("2 of 2 services");
        app.interact(() -> region.selectedProperty().set(region.visibleServices().get(0)));
        switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(status()).isEqualTo("共 2 个服务，显示 2 个");
        assertThat(region.selectedProperty().get()).isNotNull();
        assertThat(app.wizard().canNextProperty().get()).isTrue();
        app.next();

        RoleModel role = app.step(RoleModel.class);
        app.robot.clickOn("#existingMode");
        app.waitIdle();
        assertThat(status()).startsWith("共 ").contains("个角色，显示");
        switchTo(Locale.ENGLISH);
        assertThat(status()).startsWith("Showing ").endsWith(" roles");
        assertThat(role.modeProperty().get()).isEqualTo(RoleModel.Mode.EXISTING);
        assertThat(app.wizard().canNextProperty().get()).as("nothing selected, in either language").isFalse();
        app.robot.clickOn("#createMode");
        app.next();

        Label policies = app.find("#systemStatus");
        assertThat(policies.getText()).endsWith(" system policies");
        switchTo(Locale.SIMPLIFIED_CHINESE);
        policies = app.find("#systemStatus");
        assertThat(policies.getText()).startsWith("共 ").contains("个系统策略");
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        assertThat(app.<Label>find("#systemStatus").getText()).isEqualTo("共 " + systemPolicyCount() + " 个系统策略，显示 1 个");
        switchTo(Locale.ENGLISH);
        assertThat(app.<Label>find("#systemStatus").getText()).isEqualTo("1 of " + systemPolicyCount() + " system policies");
        assertThat(app.wizard().canNextProperty().get()).isTrue();
    }

    /** All system policies, whatever the search shows. */
    private static int systemPolicyCount() {
        return ((FilteredList<?>) app.step(PermissionsModel.class).visibleSystemPolicies()).getSource().size();
    }

    /** The status line under the current page's list (the page's views are new after a switch). */
    private static String status() {
        return app.<Label>find("#listStatus").getText();
    }

    private static void switchTo(Locale locale) throws TimeoutException {
        ComboBox<Locale> language = app.find("#languageBox");
        app.interact(() -> language.setValue(locale));
        app.waitIdle();
    }
}
