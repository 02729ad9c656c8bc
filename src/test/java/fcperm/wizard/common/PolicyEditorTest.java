package fcperm.wizard.common;

import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy editor marks the token a problem is about, and only that. */
@ExtendWith(ApplicationExtension.class)
class PolicyEditorTest {

    private static final String DOCUMENT = "{\n  \"Version\": \"1\",\n  \"Statement\": [{\"Effect\": Allow}]\n}";
    private PolicyEditor editor;
    private Stage window;

    /** A window of its own: the primary stage keeps its size for the GUI tests that run after this one. */
    @Start
    void start(Stage primary) {
        Theme.LIGHT.apply();
        editor = new PolicyEditor();
        Scene scene = new Scene(editor, 500, 300);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        window = new Stage();
        window.setScene(scene);
        window.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void underlinesTheUnknownTokenWhereTheParserFoundIt(FxRobot robot) {
        PolicyProblem problem = PolicyParser.parse(DOCUMENT).errors().get(0);
        robot.interact(() -> {
            editor.textProperty().set(DOCUMENT);
            editor.markProperty().set(PolicyEditor.Mark.of(problem, problem.message()));
        });
        WaitForAsyncUtils.waitForFxEvents();

        Region underline = robot.lookup(".problem-underline").query();
        assertThat(underline.isVisible()).isTrue();
        assertThat(editor.textArea().getTooltip().getText()).contains("'Allow' is not a JSON value");
        // Line 3 of the text, under "Allow": below the first two lines, right of the indent and the key before it.
        AtomicReference<Bounds> line3 = new AtomicReference<>();
        AtomicReference<Bounds> line1 = new AtomicReference<>();
        robot.interact(() -> {
            line3.set(underline.getBoundsInParent());
            editor.markProperty().set(new PolicyEditor.Mark(1, 1, "the first brace"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> line1.set(underline.getBoundsInParent()));
        double lineHeight = line3.get().getMinY() - line1.get().getMinY();
        assertThat(lineHeight).as("two lines lower").isPositive();
        assertThat(line3.get().getMinX()).isGreaterThan(line1.get().getMinX() + 10 * line1.get().getWidth());
        assertThat(line3.get().getWidth()).as("the whole word").isGreaterThan(3 * line1.get().getWidth());
    }

    @Test
    void showsNoMarkWithoutAProblem(FxRobot robot) {
        robot.interact(() -> editor.textProperty().set(DOCUMENT));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".problem-underline").<Region>query().isVisible()).isFalse();
        assertThat(editor.textArea().getTooltip()).isNull();
    }

    @Test
    void findsTheOffsetOfALineAndColumn() {
        assertThat(PolicyEditor.offsetOf(DOCUMENT, 3, 28)).isEqualTo(DOCUMENT.indexOf("Allow"));
        assertThat(PolicyEditor.offsetOf(DOCUMENT, 99, 99)).isLessThan(DOCUMENT.length());
        assertThat(PolicyEditor.tokenEnd(DOCUMENT, DOCUMENT.indexOf("Allow"))).isEqualTo(DOCUMENT.indexOf("Allow") + 5);
    }
}
