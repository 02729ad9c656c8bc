package fcperm.wizard.common;

/**
 * The one place the user is told something went wrong (or asked to confirm). Models depend on this interface;
 * tests record what would have been shown.
 */
public interface DialogService {

    /**
     * Shows a failure in words that say what to do next. {@code whatFailed} names the action that was attempted
     * ("Load the services of cn-hangzhou"); the failure supplies the reason.
     */
    void showFailure(String whatFailed, Throwable failure);

    /** Asks a yes/no question; true when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String question, String confirmLabel);
}
