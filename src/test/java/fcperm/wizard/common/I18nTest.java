package fcperm.wizard.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class I18nTest {

    @Test
    void everyEnglishTextHasAChineseTranslationAndNoMore() throws IOException {
        Properties english = bundle("/fcperm/wizard/messages.properties");
        Properties chinese = bundle("/fcperm/wizard/messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    /** MessageFormat drops a lone apostrophe, so texts with {0} arguments must not have one. */
    @Test
    void textsWithArgumentsHaveNoLoneApostrophe() throws IOException {
        for (String path : List.of("/fcperm/wizard/messages.properties", "/fcperm/wizard/messages_zh_CN.properties")) {
            Properties texts = bundle(path);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0")) {
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void chineseTextsAreChinese() throws IOException {
        Properties chinese = bundle("/fcperm/wizard/messages_zh_CN.properties");
        assertThat(chinese.getProperty("action.next")).isEqualTo("下一步");
    }

    @Test
    void anyChineseLocaleGetsSimplifiedChineseAndEverythingElseEnglish() {
        assertThat(I18n.supportedFor(Locale.TRADITIONAL_CHINESE)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(I18n.supportedFor(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void englishIsEnglishEvenOnAChineseSystem() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(new I18n(Locale.ENGLISH).text("action.next")).isEqualTo("Next");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void switchingLanguageChangesTextsAndTellsListeners() {
        I18n i18n = new I18n(Locale.ENGLISH);
        Locale[] seen = {null};
        i18n.localeProperty().addListener((obs, old, now) -> seen[0] = now);
        i18n.setLocale(Locale.CHINA);
        assertThat(seen[0]).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(i18n.text("wizard.stepTitle", 2, 6, "角色")).isEqualTo("第 2 步，共 6 步：角色");
    }

    @Test
    void aMissingKeyIsReportedNotShownAsTheKey() {
        assertThatThrownBy(() -> new I18n(Locale.ENGLISH).text("no.such.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.key");
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
