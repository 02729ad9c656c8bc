import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The floor to compare the app with: a JavaFX window holding one Label, started the same way (same JVM, same
 * flags, a plain main that does not extend Application). Prints "STARTUP first-window <ms since JVM start>" and
 * quits. Run by startup.sh.
 */
public class BareWindow {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 300, 100));
            stage.setOnShown(event -> {
                long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("STARTUP first-window " + elapsed);
                Platform.exit();
            });
            stage.show();
        }
    }
}
