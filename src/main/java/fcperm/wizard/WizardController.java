package fcperm.wizard;

import fcperm.wizard.common.Appearance;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.Styles;
import fcperm.wizard.common.Theme;
import fcperm.wizard.common.UiExecutor;
import fcperm.wizard.common.ViewLoader;
import fcperm.wizard.steps.connect.ConnectModel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The step host: header (theme, language), the list of steps, the current step's page, and the footer with the
 * running task and Back / Next / Finish. Wiring only; what may be done when lives in {@link WizardModel}.
 */
public final class WizardController {

    private final WizardModel wizard;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final ViewLoader viewLoader;
    private final Function<WizardStep, Class<?>> stepViews;
    private final Map<WizardStep, Parent> pages = new HashMap<>();

    @FXML private Label connectionLabel;
    @FXML private ComboBox<Locale> languageBox;
    @FXML private Button themeButton;
    @FXML private VBox stepList;
    @FXML private Label stepTitle;
    @FXML private HBox changedNote;
    @FXML private Label changedText;
    @FXML private StackPane content;
    @FXML private ProgressBar progress;
    @FXML private Label taskMessage;
    @FXML private Button cancelTaskButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button finishButton;

    public WizardController(WizardModel wizard, UiExecutor executor, Appearance appearance, ViewLoader viewLoader,
                            Function<WizardStep, Class<?>> stepViews) {
        this.wizard = wizard;
        this.executor = executor;
        this.appearance = appearance;
        this.viewLoader = viewLoader;
        this.stepViews = stepViews;
    }

    @FXML
    private void initialize() {
        I18n i18n = appearance.i18n();
        backButton.disableProperty().bind(wizard.canBackProperty().not());
        nextButton.disableProperty().bind(wizard.canNextProperty().not());
        finishButton.disableProperty().bind(wizard.canFinishProperty().not());
        nextButton.visibleProperty().bind(wizard.lastProperty().not());
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        finishButton.visibleProperty().bind(wizard.lastProperty());
        finishButton.managedProperty().bind(finishButton.visibleProperty());
        // Enter presses whichever of Next / Finish is showing.
        nextButton.defaultButtonProperty().bind(wizard.lastProperty().not());
        finishButton.defaultButtonProperty().bind(wizard.lastProperty());
        // A double click is one press: its second click would act on the page the first one opened, unseen.
        for (Button button : List.of(backButton, nextButton, finishButton)) {
            button.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
                if (event.getClickCount() > 1) {
                    event.consume();
                }
            });
        }
        backButton.setAccessibleText(i18n.text("action.back"));
        nextButton.setAccessibleText(i18n.text("action.next"));
        finishButton.setAccessibleText(i18n.text("action.finish"));

        progress.visibleProperty().bind(executor.busyProperty());
        progress.progressProperty().bind(executor.progressProperty());
        taskMessage.textProperty().bind(executor.messageProperty());
        cancelTaskButton.visibleProperty().bind(executor.busyProperty());
        cancelTaskButton.disableProperty().bind(executor.busyProperty().not());
        cancelTaskButton.setAccessibleText(i18n.text("action.cancelTask.accessible"));

        setUpAppearanceControls(i18n);
        connectionLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var session = wizard.draft().sessionProperty().get();
            if (session == null) {
                return i18n.text("wizard.notConnected");
            }
            String name = ConnectModel.SANDBOX_ID.equals(session.connectionName())
                    ? i18n.text("connect.sandbox") : session.connectionName();
            return i18n.text("wizard.connected", name, session.identity().accountId());
        }, wizard.draft().sessionProperty(), i18n.localeProperty()));

        WizardDraft draft = wizard.draft();
        changedNote.visibleProperty().bind(draft.runProperty().isNotNull().and(draft.runMatchesDraftProperty().not()));
        changedNote.managedProperty().bind(changedNote.visibleProperty());
        changedText.setText(i18n.text("wizard.changedSinceApplied"));

        wizard.currentProperty().addListener((obs, old, now) -> showCurrent());
        wizard.furthestProperty().addListener((obs, old, now) -> buildStepList());
        wizard.canBackProperty().addListener((obs, old, now) -> buildStepList());
        showCurrent();
    }

    private void setUpAppearanceControls(I18n i18n) {
        languageBox.getItems().setAll(I18n.SUPPORTED);
        StringConverter<Locale> names = new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        };
        languageBox.setConverter(names);
        languageBox.setButtonCell(new LanguageCell(names));
        languageBox.setValue(i18n.locale());
        languageBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                appearance.setLanguage(now);
            }
        });
        themeButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(appearance.theme() == Theme.LIGHT ? "fth-moon" : "fth-sun"),
                appearance.themeProperty()));
        themeButton.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> i18n.text(appearance.theme() == Theme.LIGHT ? "app.theme.dark" : "app.theme.light"),
                appearance.themeProperty()));
    }

    private void showCurrent() {
        WizardStep step = wizard.currentProperty().get();
        I18n i18n = appearance.i18n();
        stepTitle.setText(i18n.text("wizard.stepTitle", wizard.indexProperty().get() + 1, wizard.steps().size(),
                i18n.text(step.titleKey())));
        Parent page = pages.computeIfAbsent(step, s -> viewLoader.load(stepViews.apply(s)).root());
        content.getChildren().setAll(page);
        buildStepList();
    }

    private void buildStepList() {
        I18n i18n = appearance.i18n();
        List<WizardStep> steps = wizard.steps();
        int currentIndex = wizard.indexProperty().get();
        stepList.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            int target = i;
            String title = i18n.text(steps.get(i).titleKey());
            Button entry = new Button((i + 1) + "   " + title);
            entry.setId("step-" + steps.get(i).id());
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
            entry.pseudoClassStateChanged(Styles.CURRENT, i == currentIndex);
            entry.pseudoClassStateChanged(Styles.DONE, i < currentIndex);
            if (i < currentIndex) {
                entry.setGraphic(new FontIcon("fth-check"));
            }
            entry.setDisable(i >= currentIndex || !wizard.canBackProperty().get());
            entry.setFocusTraversable(false);
            entry.setAccessibleText(i18n.text(i == currentIndex ? "wizard.step.current" : "wizard.step.other",
                    i + 1, steps.size(), title));
            entry.setOnAction(event -> wizard.goTo(target));
            stepList.getChildren().add(entry);
        }
    }

    @FXML
    private void back() {
        wizard.back();
    }

    @FXML
    private void next() {
        wizard.next();
    }

    @FXML
    private void finish() {
        wizard.finish();
    }

    @FXML
    private void cancelTask() {
        executor.cancelAll();
    }

    @FXML
    private void toggleTheme() {
        appearance.toggleTheme();
    }

    private static final class LanguageCell extends ListCell<Locale> {
        private final StringConverter<Locale> names;

        LanguageCell(StringConverter<Locale> names) {
            this.names = names;
        }

        @Override
        protected void updateItem(Locale item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : names.toString(item));
        }
    }
}
