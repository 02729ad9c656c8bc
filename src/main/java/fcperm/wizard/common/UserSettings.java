package fcperm.wizard.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What the app remembers between runs: window size, theme, language, the last connection and region. Never a
 * secret: a connection is remembered by its id (e.g. {@code sandbox}, {@code profile:default}) only.
 */
public final class UserSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);
    public static final double DEFAULT_WIDTH = 1100;
    public static final double DEFAULT_HEIGHT = 720;

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
    }

    /** Reads the file; a missing or unreadable file gives the defaults (and a log line), never a failure. */
    public static UserSettings load(Path file) {
        UserSettings settings = new UserSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable settings file {}: {}", file, e.toString());
                settings.values.clear();
            }
        }
        return settings;
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a file. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            values.store(out, "FC Permissions Console settings (no secrets)");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public double windowWidth() {
        return number("window.width", DEFAULT_WIDTH);
    }

    public double windowHeight() {
        return number("window.height", DEFAULT_HEIGHT);
    }

    public void setWindowSize(double width, double height) {
        values.setProperty("window.width", Long.toString(Math.round(width)));
        values.setProperty("window.height", Long.toString(Math.round(height)));
    }

    public Optional<Theme> theme() {
        return text("theme").flatMap(name -> {
            try {
                return Optional.of(Theme.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        });
    }

    public void setTheme(Theme theme) {
        values.setProperty("theme", theme.name());
    }

    public Optional<Locale> language() {
        return text("language").map(Locale::forLanguageTag);
    }

    public void setLanguage(Locale locale) {
        values.setProperty("language", locale.toLanguageTag());
    }

    public Optional<String> lastConnection() {
        return text("connection");
    }

    public void setLastConnection(String connectionId) {
        values.setProperty("connection", connectionId);
    }

    public Optional<String> lastRegion() {
        return text("region");
    }

    public void setLastRegion(String regionId) {
        values.setProperty("region", regionId);
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(value -> !value.isBlank());
    }

    private double number(String key, double fallback) {
        try {
            double value = Double.parseDouble(values.getProperty(key, ""));
            return value >= 200 && value <= 10_000 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
