package fcperm.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WizardModelTest {

    /** A step whose validity the test sets, recording when the wizard enters and leaves it. */
    static final class ScriptedStep implements WizardStep {
        final String id;
        final BooleanProperty valid = new SimpleBooleanProperty();
        final List<String> log;

        ScriptedStep(String id, List<String> log) {
            this.id = id;
            this.log = log;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String titleKey() {
            return "app.title";
        }

        @Override
        public ReadOnlyBooleanProperty validProperty() {
            return valid;
        }

        @Override
        public void enter(WizardDraft draft) {
            log.add("enter " + id);
        }

        @Override
        public void leave(WizardDraft draft) {
            log.add("leave " + id);
        }
    }

    private final List<String> log = new ArrayList<>();
    private final ScriptedStep first = new ScriptedStep("first", log);
    private final ScriptedStep second = new ScriptedStep("second", log);
    private final ScriptedStep third = new ScriptedStep("third", log);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final WizardModel wizard = new WizardModel(List.of(first, second, third), new WizardDraft(), busy);

    @Test
    void nextFollowsTheValidityOfTheCurrentStep() {
        wizard.start();
        assertThat(wizard.canNextProperty().get()).isFalse();

        first.valid.set(true);
        assertThat(wizard.canNextProperty().get()).isTrue();

        wizard.next();
        assertThat(wizard.currentProperty().get()).isSameAs(second);
        assertThat(wizard.canNextProperty().get()).isFalse();
        second.valid.set(true);
        assertThat(wizard.canNextProperty().get()).isTrue();
    }

    @Test
    void aPageEnteredShowsItsOwnValidityEvenToAWatcherOfNext() {
        // A watcher (the Next button is one) reads canNext while the wizard moves from page to page.
        List<Boolean> seen = new ArrayList<>();
        wizard.canNextProperty().addListener((obs, old, now) -> seen.add(now));
        wizard.start();
        first.valid.set(true);
        wizard.next();

        assertThat(wizard.currentProperty().get()).isSameAs(second);
        assertThat(wizard.canNextProperty().get()).as("the second page is not valid").isFalse();
        wizard.next();
        assertThat(wizard.currentProperty().get()).isSameAs(second);
    }

    @Test
    void nextAfterBackWorksWithoutEditingAnything() {
        wizard.canNextProperty().addListener((obs, old, now) -> { });
        wizard.start();
        first.valid.set(true);
        second.valid.set(true);
        wizard.next();
        wizard.next();
        wizard.back();
        assertThat(wizard.currentProperty().get()).isSameAs(second);
        assertThat(wizard.canNextProperty().get()).isTrue();
        wizard.back();
        assertThat(wizard.canNextProperty().get()).isTrue();
        second.valid.set(false);
        wizard.next();
        assertThat(wizard.canNextProperty().get()).isFalse();
    }

    @Test
    void nextDoesNothingWhileTheCurrentStepIsInvalid() {
        wizard.start();
        wizard.next();
        assertThat(wizard.indexProperty().get()).isZero();
        assertThat(log).containsExactly("enter first");
    }

    @Test
    void movingForwardLeavesTheOldStepAndEntersTheNewOne() {
        wizard.start();
        first.valid.set(true);
        wizard.next();
        wizard.back();
        assertThat(log).containsExactly("enter first", "leave first", "enter second", "enter first");
    }

    @Test
    void finishIsOfferedOnlyOnAValidLastStep() {
        wizard.start();
        first.valid.set(true);
        second.valid.set(true);
        wizard.next();
        wizard.next();
        assertThat(wizard.lastProperty().get()).isTrue();
        assertThat(wizard.canNextProperty().get()).isFalse();
        assertThat(wizard.canFinishProperty().get()).isFalse();

        third.valid.set(true);
        boolean[] finished = {false};
        wizard.setOnFinish(() -> finished[0] = true);
        wizard.finish();
        assertThat(finished[0]).isTrue();
    }

    @Test
    void runningWorkHoldsNavigation() {
        wizard.start();
        first.valid.set(true);
        wizard.next();
        busy.set(true);
        assertThat(wizard.canBackProperty().get()).isFalse();
        assertThat(wizard.canNextProperty().get()).isFalse();

        wizard.back();
        assertThat(wizard.currentProperty().get()).isSameAs(second);
        busy.set(false);
        assertThat(wizard.canBackProperty().get()).isTrue();
    }

    @Test
    void sidebarJumpsOnlyBackwards() {
        wizard.start();
        first.valid.set(true);
        second.valid.set(true);
        wizard.next();
        wizard.next();
        wizard.goTo(0);
        assertThat(wizard.currentProperty().get()).isSameAs(first);
        wizard.goTo(2);
        assertThat(wizard.currentProperty().get()).isSameAs(first);
        assertThat(wizard.furthestProperty().get()).isEqualTo(2);
    }
}
