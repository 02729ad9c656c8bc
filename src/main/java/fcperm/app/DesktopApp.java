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

    /** Called by {@link Main}, which must not itself extend Application (docs/javafx-platform.md §1). */
    static void launchDesktop(String[] args) {
        if (!Object.class.getModule().isOpen("java.lang", DesktopApp.class.getModule())) {
            // The FC SDK reads its error answers through reflection into java.lang; without the flag every FC error
            // turns into SDK.ResponseNotParsable, and "no such service" looks like a broken sandbox.
            System.err.println("warning: started without --add-opens java.base/java.lang=ALL-UNNAMED: Function Compute"
                    + " errors will be misread. Start the app with `mvn javafx:run` or the installed launcher, or add"
                    + " the flag to the java command.");
        }
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
