package fcperm.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The wizard as data: ordered steps, the current one, and whether Back / Next / Finish may be used — derived from
 * the current step's validity and from whether background work is running, never set by hand. The steps share one
 * typed {@link WizardDraft}.
 */
public final class WizardModel {

    private final List<WizardStep> steps;
    private final WizardDraft draft;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyIntegerWrapper furthest = new ReadOnlyIntegerWrapper(this, "furthest", 0);
    private final ReadOnlyObjectWrapper<WizardStep> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final BooleanBinding currentValid;
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    private final BooleanBinding canFinish;
    private final BooleanBinding onLast;
    private Runnable onFinish = () -> { };

    /** {@code busy}: true while work runs that must not be interrupted by moving to another step. */
    public WizardModel(List<WizardStep> steps, WizardDraft draft, ObservableValue<Boolean> busy) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.draft = draft;
        current.set(this.steps.get(0));

        // The page shown is a dependency of its own: a binding that depended on the index alone could be read
        // between the index moving and the page changing, and keep the old page's validity for the new one
        // (docs/wizard-state.md §3).
        List<javafx.beans.Observable> dependencies = new ArrayList<>();
        dependencies.add(current);
        this.steps.forEach(step -> dependencies.add(step.validProperty()));
        currentValid = Bindings.createBooleanBinding(() -> current.get().validProperty().get(),
                dependencies.toArray(javafx.beans.Observable[]::new));
        BooleanBinding idle = Bindings.createBooleanBinding(() -> !Boolean.TRUE.equals(busy.getValue()), busy);
        canBack = index.greaterThan(0).and(idle);
        canNext = index.lessThan(this.steps.size() - 1).and(currentValid).and(idle);
        onLast = index.isEqualTo(this.steps.size() - 1);
        canFinish = onLast.and(currentValid).and(idle);
    }

    /** Enters the first step; call once when the window opens. */
    public void start() {
        current.get().enter(draft);
    }

    /** Moves on from a valid page; on an invalid one (or while work runs) it does nothing. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        current.get().leave(draft);
        moveTo(index.get() + 1);
    }

    public void back() {
        if (canBack.get()) {
            moveTo(index.get() - 1);
        }
    }

    /** Jumps back to a step already visited (the sidebar); forward jumps go through Next so every step is checked. */
    public void goTo(int target) {
        if (target >= 0 && target < index.get() && canBack.get()) {
            moveTo(target);
        }
    }

    public void finish() {
        if (canFinish.get()) {
            current.get().leave(draft);
            onFinish.run();
        }
    }

    public void setOnFinish(Runnable onFinish) {
        this.onFinish = onFinish;
    }

    private void moveTo(int target) {
        index.set(target);
        furthest.set(Math.max(furthest.get(), target));
        current.set(steps.get(target));
        current.get().enter(draft);
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public WizardDraft draft() {
        return draft;
    }

    public <S extends WizardStep> S step(Class<S> type) {
        return steps.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + type.getSimpleName()));
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty furthestProperty() {
        return furthest.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WizardStep> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canFinishProperty() {
        return canFinish;
    }

    /** True on the last step, where Finish takes the place of Next. */
    public BooleanBinding lastProperty() {
        return onLast;
    }
}
