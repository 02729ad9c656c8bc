package fcperm.app;

import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review & apply and Test function (after a successful test) in the smallest window the app allows (860×560), each
 * looked at in English and in Chinese: no main control (button, field, list, choice) lies outside the window — in a
 * page that scrolls, none lies beside it or past the end of what scrolls — and no button's text is cut. Each page is
 * saved as {@code minimum-<page>-<language>.png} beside the screenshots. (The pages before Review are laid out by
 * their own owners; see the notes of issue 13.)
 */
class MinimumWindowJourneyTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.ENGLISH);

    /** The GUI tests share one primary stage: the ones after this expect the default size. */
    @AfterAll
    static void restoreTheDefaultSize() {
        app.interact(() -> {
            app.stage.setWidth(1100);
            app.stage.setHeight(720);
        });
    }

    @Test
    void reviewAndTestFitTheMinimumWindowInBothLanguages() throws Exception {
        WizardFlows.toRolePage(app, "small-window");
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSFullAccess");
        app.next();
        ReviewModel review = WizardFlows.apply(app);
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        app.interact(() -> {
            app.stage.setWidth(app.stage.getMinWidth());
            app.stage.setHeight(app.stage.getMinHeight());
        });
        app.waitIdle();
        assertThat(app.scene().getWidth()).isEqualTo(860);
        checkInBothLanguages();

        app.next();
        TestFunctionModel test = WizardFlows.testWithNewBucket(app, "small-window-probe");
        assertThat(test.verdictProperty().get()).isEqualTo(TestFunctionModel.Verdict.SUCCESS);
        checkInBothLanguages();
    }

    private static void checkInBothLanguages() throws TimeoutException {
        check("English");
        ComboBox<Locale> language = app.find("#languageBox");
        app.interact(() -> language.setValue(Locale.SIMPLIFIED_CHINESE));
        app.waitIdle();
        check("Chinese");
        app.interact(() -> language.setValue(Locale.ENGLISH));
        app.waitIdle();
    }

    private static void check(String language) {
        String page = app.wizard().currentProperty().get().id() + " in " + language;
        List<String> outside = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        app.interact(() -> {
            double width = app.scene().getWidth();
            double height = app.scene().getHeight();
            for (Node node : mainControls()) {
                if (!shown(node) || inside(node, ListCell.class) != null) {
                    continue;
                }
                Bounds bounds = node.localToScene(node.getLayoutBounds());
                ScrollPane scrolling = (ScrollPane) inside(node, ScrollPane.class);
                boolean fitsAcross = bounds.getMinX() >= -0.5 && bounds.getMaxX() <= width + 0.5;
                boolean fitsDown = scrolling == null
                        ? bounds.getMinY() >= -0.5 && bounds.getMaxY() <= height + 0.5
                        : reachable(node, scrolling);
                if (!fitsAcross || !fitsDown) {
                    outside.add(describe(node) + " at " + bounds);
                }
                if (node instanceof Button button && button.getWidth() + 0.5 < button.prefWidth(-1)) {
                    cut.add(describe(node) + " is " + button.getWidth() + " wide of " + button.prefWidth(-1));
                }
            }
        });
        // what was checked, for a person to look at
        Path file = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                .resolve("minimum-" + app.wizard().currentProperty().get().id() + "-" + language + ".png");
        app.interact(() -> Snapshots.save(app.scene(), file));
        assertThat(outside).as(page + ": controls outside the window").isEmpty();
        assertThat(cut).as(page + ": buttons with cut text").isEmpty();
    }

    /** Buttons, fields, lists and choices of the window (lookupAll takes one selector at a time). */
    private static Set<Node> mainControls() {
        Set<Node> found = new LinkedHashSet<>();
        for (String style : List.of(".button", ".text-input", ".combo-box-base", ".list-view", ".check-box",
                ".radio-button")) {
            found.addAll(app.scene().getRoot().lookupAll(style));
        }
        assertThat(found).as("the window's controls").isNotEmpty();
        return found;
    }

    /**
     * Inside what a scroll pane shows or can scroll to: a node past the viewport counts only while the pane shows a
     * vertical scroll bar (a page laid out taller than a pane that offers no bar is cut off, not scrollable).
     */
    private static boolean reachable(Node node, ScrollPane scrolling) {
        Node content = scrolling.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double reach = scrolling.getViewportBounds().getHeight();
        boolean scrolls = scrolling.getChildrenUnmodifiable().stream().anyMatch(child -> child instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
        if (scrolls) {
            reach = content.getLayoutBounds().getHeight();
        }
        return inContent.getMinY() >= -0.5 && inContent.getMaxY() <= reach + 0.5;
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Node inside(Node node, Class<?> type) {
        for (Parent at = node.getParent(); at != null; at = at.getParent()) {
            if (type.isInstance(at)) {
                return at;
            }
        }
        return null;
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }
}
