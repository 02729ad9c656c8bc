package fcperm.plan;

import java.util.List;

/** The ordered steps that turn the user's choices into cloud state; made first, previewed, then applied. */
public record Plan(List<PlanStep> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public List<Change> preview() {
        return steps.stream().map(PlanStep::change).toList();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
