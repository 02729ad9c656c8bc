package fcperm.app;

import javafx.application.Application;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The JavaFX application: builds the composition and opens the window; closes everything on exit. */
public final class DesktopApp extends Application {

    /* Started by launchDesktop before the toolkit, read by start(): the launcher makes the Application instance. */
    private static volatile CompletableFuture<Composition> composing;

    private final StartupClock clock = new StartupClock(javafx.application.Platform::exit);
    private Composition composition;

    /** Called by {@link Main}, which must not itself extend Application (see reference/javafx-platform.md). */
    static void launchDesktop(String[] args) {
        // Building the models, settings and catalogue needs no toolkit: it runs on the other core while JavaFX starts
        // (about half a second), instead of after it on the UI thread.
        composing = CompletableFuture.supplyAsync(() -> new Composition(AppHome.fromEnvironment(), Locale.getDefault()),
                runnable -> {
                    Thread thread = new Thread(runnable, "fcperm-compose");
                    thread.setDaemon(true);
                    thread.start();
                });
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        composition = composing.join();
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
