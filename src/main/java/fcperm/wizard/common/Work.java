package fcperm.wizard.common;

/** A piece of background work: may report progress, must stop early once {@link TaskContext#isCancelled()} says so. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
