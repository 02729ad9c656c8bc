package fcperm.app;

import fcperm.wizard.steps.permissions.PermissionsModel;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario (d): a malformed custom policy typed in the editor disables Next and shows the error at line/column. */
class MalformedCustomPolicyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);



    @Test
    void disablesNextAndShowsTheErrorAtLineAndColumn() throws Exception {
        WizardFlows.toRolePage(app, "reports");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSReadOnlyAccess");
        assertThat(app.wizard().canNextProperty().get()).isTrue();

        app.robot.clickOn("Custom policies").clickOn("#editor");
        app.robot.write("{\"Version\":\"1\",\n\"Statement\": [}");

        PermissionsModel permissions = app.step(PermissionsModel.class);
        assertThat(app.wizard().canNextProperty().get()).isFalse();
        assertThat(app.robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        ListView<String> problems = app.find("#problems");
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getItems().get(0)).matches("Line 2, column \\d+: .+");
        assertThat(permissions.editorValidProperty().get()).isFalse();

        app.interact(() -> permissions.editorTextProperty().set(""));
        assertThat(app.wizard().canNextProperty().get()).isTrue();
    }
}
