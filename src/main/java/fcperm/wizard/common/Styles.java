package fcperm.wizard.common;

import javafx.css.PseudoClass;

/** Our CSS class names (defined in app.css), so views never spell them twice. AtlantaFX's own are in its Styles. */
public final class Styles {

    public static final String APP = "fcperm";
    public static final String HEADER = "app-header";
    public static final String STEP_LIST = "step-list";
    public static final String STEP_TITLE = "step-title";
    public static final String STEP_BODY = "step-body";
    public static final String FOOTER = "app-footer";
    public static final String HINT = "hint";
    public static final String PROBLEM = "problem";
    /** The mark under the token of a policy editor that has a problem (see PolicyEditor). */
    public static final String PROBLEM_UNDERLINE = "problem-underline";
    public static final String NOTE = "note";
    public static final String CODE = "code";
    public static final String CARD = "card";
    public static final String FACT_LABEL = "fact-label";
    public static final String FACT_VALUE = "fact-value";
    public static final String PLAN_STEP = "plan-step";
    /** On a list cell whose text wraps: it grows with its text (see ListCells#wrapping). */
    public static final String WRAPPING_CELL = "wrapping-cell";

    /** On an input whose value the model rejects; AtlantaFX draws such fields with a danger border. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");
    /** On the sidebar entry of the step being shown. */
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** On a sidebar entry whose step is complete. */
    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private Styles() {
    }
}
