package fcperm.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * One page of the wizard, as its model sees it. The wizard calls {@link #enter} each time the page becomes the
 * current one (so it can pick up what earlier pages decided) and {@link #leave} when the user moves forward from
 * it (so it can hand its decision on). Next is enabled exactly while {@link #validProperty()} is true.
 */
public interface WizardStep {

    /** Stable short name: used for screenshot files and in tests ("connect", "region", ...). */
    String id();

    /** Bundle key of the page's title. */
    String titleKey();

    ReadOnlyBooleanProperty validProperty();

    default void enter(WizardDraft draft) {
    }

    default void leave(WizardDraft draft) {
    }
}
