package fcperm.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the composition and opens the window; closes everything on exit. */
public final class DesktopApp extends Application {

    private final StartupClock clock = new StartupClock(javafx.application.Platform::exit);
    private Composition composition;

    /** Called by {@link Main}, which must not itself extend Application (see reference/javafx-platform.md). */
    static void launchDesktop(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        composition = new Composition(AppHome.fromEnvironment(), java.util.Locale.getDefault());
        composition.sandboxReady().thenRun(clock::sandboxReady);
        stage.setOnShown(event -> clock.windowShown());
        composition.open(stage);
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }
}
