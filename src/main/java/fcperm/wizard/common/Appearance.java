package fcperm.wizard.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;

/** Theme and language as the user chose them; the window follows both (and remembers them in the settings). */
public final class Appearance {

    private final ObjectProperty<Theme> theme;
    private final I18n i18n;

    public Appearance(Theme theme, I18n i18n) {
        this.theme = new SimpleObjectProperty<>(this, "theme", theme);
        this.i18n = i18n;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public I18n i18n() {
        return i18n;
    }

    public void setLanguage(Locale locale) {
        if (!I18n.supportedFor(locale).equals(i18n.locale())) {
            i18n.setLocale(locale);
        }
    }
}
