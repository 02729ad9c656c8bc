package fcperm.wizard.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class UserSettingsTest {

    @TempDir
    Path home;

    @Test
    void remembersWindowSizeThemeLanguageConnectionAndRegion() throws IOException {
        Path file = home.resolve("settings.properties");
        UserSettings settings = UserSettings.load(file);
        settings.setWindowSize(1234.4, 777);
        settings.setTheme(Theme.DARK);
        settings.setLanguage(Locale.SIMPLIFIED_CHINESE);
        settings.setLastConnection("profile:work");
        settings.setLastRegion("cn-shanghai");
        settings.save();

        UserSettings again = UserSettings.load(file);
        assertThat(again.windowWidth()).isEqualTo(1234);
        assertThat(again.windowHeight()).isEqualTo(777);
        assertThat(again.theme()).contains(Theme.DARK);
        assertThat(again.language()).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(again.lastConnection()).contains("profile:work");
        assertThat(again.lastRegion()).contains("cn-shanghai");
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        UserSettings settings = UserSettings.load(home.resolve("nothing-here.properties"));
        assertThat(settings.windowWidth()).isEqualTo(UserSettings.DEFAULT_WIDTH);
        assertThat(settings.theme()).isEmpty();
        assertThat(settings.lastConnection()).isEmpty();
    }

    @Test
    void nonsenseValuesFallBackToDefaults() throws IOException {
        Path file = home.resolve("settings.properties");
        Files.writeString(file, "window.width=-5\nwindow.height=abc\ntheme=PURPLE\n");
        UserSettings settings = UserSettings.load(file);
        assertThat(settings.windowWidth()).isEqualTo(UserSettings.DEFAULT_WIDTH);
        assertThat(settings.windowHeight()).isEqualTo(UserSettings.DEFAULT_HEIGHT);
        assertThat(settings.theme()).isEmpty();
    }
}
