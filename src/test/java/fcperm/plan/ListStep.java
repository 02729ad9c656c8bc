package fcperm.plan;

import fcperm.cloud.CloudException;

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
    public String apply() throws CloudException {
        if (failApply) {
            throw new IllegalStateException("cannot create " + name);
        }
        if (world.contains(name)) {
            // Like the cloud: creating what is there already is refused, and nothing changes.
            throw CloudException.of("ram:CreateRole", "role/" + name, "EntityAlreadyExists.Role", 409,
                    "req-refused-" + name, "The role already exists.", null);
        }
        world.add(name);
        afterApply.run();
        if (loseAnswer) {
            throw new IllegalStateException("connection reset after creating " + name);
        }
        return "req-apply-" + name;
    }

    /** Like the cloud, undoing what is not there says so. */
    @Override
    public String undo() throws CloudException {
        if (failUndo) {
            throw new IllegalStateException("cannot delete " + name);
        }
        if (!world.remove(name)) {
            throw CloudException.notFound("Role", name);
        }
        return "req-undo-" + name;
    }

    /** The change reaches the cloud, but the answer is lost: the caller sees a failure. */
    public boolean loseAnswer;

    /** Runs once the change is made, before the answer is returned (e.g. the disk fails in between). */
    public Runnable afterApply = () -> { };
}
