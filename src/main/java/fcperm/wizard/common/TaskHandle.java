package fcperm.wizard.common;

/** A submitted task, for whoever wants to cancel exactly that one. */
public interface TaskHandle {

    void cancel();

    boolean isDone();
}
