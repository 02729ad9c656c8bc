package fcperm.wizard;

/**
 * What the steps decided so far, typed; each step reads what earlier steps stored and stores its own part. The
 * {@link #version()} moves on with every change, so a later step can tell whether it must work things out again.
 */
public final class WizardDraft {

    private long version;

    public long version() {
        return version;
    }
}
