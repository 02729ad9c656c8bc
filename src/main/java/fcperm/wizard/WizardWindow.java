package fcperm.wizard;

import fcperm.wizard.common.Appearance;
import fcperm.wizard.common.FxDialogService;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Theme;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;

/**
 * The main window: shows the wizard, follows theme and language changes (a language change reloads the views; the
 * models and what the user entered stay), and remembers its size, theme and language when it closes.
 */
public final class WizardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WizardWindow.class);
    /** The app icon (drawn by installer/IconGenerator.java) in the sizes window managers and task bars pick from. */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private final Stage stage;
    private final ViewLoader views;
    private final Appearance appearance;
    private final UserSettings settings;
    private final FxDialogService dialogs;
    private final WizardModel wizard;
    private Scene scene;

    public WizardWindow(Stage stage, ViewLoader views, Appearance appearance, UserSettings settings,
                        FxDialogService dialogs, WizardModel wizard) {
        this.stage = stage;
        this.views = views;
        this.appearance = appearance;
        this.settings = settings;
        this.dialogs = dialogs;
        this.wizard = wizard;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        I18n i18n = appearance.i18n();
        appearance.theme().apply();
        Parent root = views.load(WizardController.class).root();
        // Stylesheet first, root second: each change re-matches the CSS of every node in the scene at once, and
        // matching the whole wizard against AtlantaFX's rules twice is a visible part of the start-up.
        scene = new Scene(new Pane(), settings.windowWidth(), settings.windowHeight());
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        scene.setRoot(root);
        stage.setScene(scene);
        stage.setTitle(i18n.text("app.title"));
        stage.getIcons().setAll(Arrays.stream(ICON_SIZES)
                .mapToObj(size -> new Image(WizardWindow.class.getResource("app-icon-" + size + ".png").toExternalForm()))
                .toList());
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        dialogs.setOwner(stage);

        appearance.themeProperty().addListener((obs, old, now) -> {
            now.apply();
            settings.setTheme(now);
        });
        i18n.localeProperty().addListener((obs, old, now) -> {
            settings.setLanguage(now);
            // Not inside the language box's own event: its scene is about to be replaced.
            Platform.runLater(this::reload);
        });
        stage.setOnHidden(event -> remember());
        wizard.setOnFinish(stage::close);
        wizard.start();
        stage.show();
    }

    /** Loads every view again in the current language; the models keep their state. */
    public void reload() {
        stage.setTitle(appearance.i18n().text("app.title"));
        scene.setRoot(views.load(WizardController.class).root());
    }

    private void remember() {
        settings.setWindowSize(scene.getWidth(), scene.getHeight());
        settings.setTheme(appearance.theme());
        settings.setLanguage(appearance.i18n().locale());
        try {
            settings.save();
        } catch (IOException e) {
            // Losing the window size is not worth an error dialog on the way out.
            LOG.warn("could not save settings: {}", e.toString());
        }
    }
}
