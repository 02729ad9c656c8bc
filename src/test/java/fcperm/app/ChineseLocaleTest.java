package fcperm.app;

import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (f): on a Chinese system every page renders in Chinese — no text of the English bundle shows anywhere
 * on any page — and a PNG of each page is written for a person to look at (target/screenshots/zh).
 */
class ChineseLocaleTest {

    @RegisterExtension
    static final RunningApp app = new RunningApp(Locale.SIMPLIFIED_CHINESE);
    static Set<String> englishOnly;

    @BeforeAll
    static void open() throws Exception {
        englishOnly = englishOnlyTexts();
    }


    @Test
    void everyPageIsInChinese() throws Exception {
        List<String> english = new ArrayList<>();
        check(english);
        WizardFlows.toRolePage(app, "zh-demo");
        check(english);
        app.next();
        WizardFlows.addSystemPolicy(app, "AliyunOSSFullAccess");
        check(english);
        app.next();
        ReviewModel review = WizardFlows.apply(app);
        check(english);
        app.next();
        TestFunctionModel test = app.step(TestFunctionModel.class);
        app.waitIdle();
        check(english);

        assertThat(english).as("English texts on a Chinese screen").isEmpty();
        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.APPLIED);
        assertThat(app.robot.lookup("#nextButton").queryButton().getText()).isEqualTo("下一步");
        assertThat(test.headlineProperty().get()).isEqualTo("尚未测试。请点击“测试函数”。");
    }

    /** Collects every visible text of the current page that only the English bundle has, and saves a PNG. */
    private static void check(List<String> english) {
        String step = app.wizard().currentProperty().get().id();
        app.interact(() -> {
            collect(app.scene().getRoot(), step, english);
            Snapshots.save(app.scene(), Path.of("target/screenshots/zh/" + step + ".png"));
        });
    }

    private static void collect(Node node, String step, List<String> english) {
        if (!node.isVisible()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            texts.add(input.getPromptText());
        }
        for (String text : texts) {
            if (text != null && englishOnly.stream().anyMatch(text::contains)) {
                english.add(step + ": " + text);
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, step, english));
        }
    }

    /** Texts of the English bundle that differ from the Chinese one, long enough not to match by accident. */
    private static Set<String> englishOnlyTexts() throws IOException {
        Properties en = load("/fcperm/wizard/messages.properties");
        Properties zh = load("/fcperm/wizard/messages_zh_CN.properties");
        Set<String> texts = new HashSet<>();
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key).replace("_", "");
            String head = text.split("\\{")[0].trim();
            if (!text.equals(zh.getProperty(key)) && head.length() >= 6) {
                texts.add(head);
            }
        }
        return texts;
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChineseLocaleTest.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
