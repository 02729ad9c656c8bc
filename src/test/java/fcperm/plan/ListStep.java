package fcperm.plan;

import java.util.List;

/** A plan step that adds a name to a list standing in for cloud state, and can be told to fail either way. */
public final class ListStep implements PlanStep {

    private final String name;
    private final List<String> world;
    public boolean failApply;
    public boolean failUndo;

    public ListStep(String name, List<String> world) {
        this.name = name;
        this.world = world;
    }

    @Override
    public Change change() {
        return new Change(Change.Kind.CREATE_ROLE, List.of(name), "CreateRole", "DeleteRole");
    }

    @Override
    public String apply() {
        if (failApply) {
            throw new IllegalStateException("cannot create " + name);
        }
        world.add(name);
        return "req-apply-" + name;
    }

    @Override
    public String undo() {
        if (failUndo) {
            throw new IllegalStateException("cannot delete " + name);
        }
        world.remove(name);
        return "req-undo-" + name;
    }
}
