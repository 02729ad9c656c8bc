package fcperm.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

import java.util.concurrent.TimeoutException;

/** Answers the app's yes/no questions as a user does: by reading the question and clicking a button. */
final class Confirmations {

    private Confirmations() {
    }

    /** The question now asked; waits for it to be shown. */
    static String question(RunningApp app) throws TimeoutException {
        app.waitUntil(() -> app.robot.lookup("#confirmDialog").tryQuery().isPresent());
        return app.robot.lookup("#confirmDialog .content").<Label>query().getText();
    }

    /** Clicks the button labelled {@code label} in the question now asked, and waits for what it started. */
    static void answer(RunningApp app, String label) throws TimeoutException {
        question(app);
        Button button = app.robot.lookup("#confirmDialog .button").<Button>queryAll().stream()
                .filter(candidate -> candidate.getText().equals(label)).findFirst().orElseThrow();
        app.robot.clickOn(button);
        app.waitIdle();
    }
}
