package fcperm.plan;

/**
 * One change to the cloud and how to take it back. Everything the undo needs (a service's previous role, a role's
 * previous trust policy) is captured when the plan is made, so a roll-back never has to guess.
 */
public interface PlanStep {

    Change change();

    /** Makes the change; returns the request id of the call that made it. */
    String apply() throws Exception;

    /** Takes the change back; returns the request id of the call that undid it. */
    String undo() throws Exception;
}
