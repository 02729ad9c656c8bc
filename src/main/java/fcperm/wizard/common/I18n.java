package fcperm.wizard.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's texts in the current language. The language starts as the operating system's (English unless it is
 * Chinese) and can be switched while the app runs: views reload, and models recompute texts that depend on
 * {@link #localeProperty()}.
 */
public final class I18n {

    public static final String BUNDLE = "fcperm.wizard.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /* Without this, asking for English on a Chinese system falls back to the system's zh_CN bundle. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(this, "locale");
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        setLocale(initial);
    }

    /** The supported language closest to {@code requested}: Chinese for any zh locale, otherwise English. */
    public static Locale supportedFor(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public void setLocale(Locale requested) {
        Locale chosen = supportedFor(requested);
        bundle = ResourceBundle.getBundle(BUNDLE, chosen, I18n.class.getClassLoader(), NO_FALLBACK);
        locale.set(chosen);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale.get();
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public boolean isChinese() {
        return "zh".equals(locale.get().getLanguage());
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. A missing key is a bug: it throws. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("no text for key " + key + " in " + locale.get(), missing);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }
}
