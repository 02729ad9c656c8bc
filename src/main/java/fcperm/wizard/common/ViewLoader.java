package fcperm.wizard.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads the FXML of a controller from the path of its view: {@code fcperm/wizard/steps/role/RoleController} →
 * {@code fcperm/wizard/steps/role/RoleView.fxml}. Controllers come from the composition root's factory, so they
 * get their models through their constructors; texts come from the current language's bundle.
 */
public final class ViewLoader {

    private final I18n i18n;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(I18n i18n, Callback<Class<?>, Object> controllerFactory) {
        this.i18n = i18n;
        this.controllerFactory = controllerFactory;
    }

    public <C> View<C> load(Class<C> controllerClass) {
        URL fxml = fxmlOf(controllerClass);
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    static URL fxmlOf(Class<?> controllerClass) {
        String name = controllerClass.getSimpleName();
        if (!name.endsWith("Controller")) {
            throw new IllegalArgumentException(name + " is not named XxxController");
        }
        String fxml = name.substring(0, name.length() - "Controller".length()) + "View.fxml";
        URL url = controllerClass.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("no " + fxml + " beside " + controllerClass.getName());
        }
        return url;
    }
}
