package fcperm.wizard.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the app: AtlantaFX Primer light and dark, plus our own stylesheet on top of either. */
public enum Theme {
    // The precompiled (binary) form loads faster than parsing the CSS at start-up.
    LIGHT(new PrimerLight().getUserAgentStylesheetBSS()),
    DARK(new PrimerDark().getUserAgentStylesheetBSS());

    /** Our stylesheet; it only uses AtlantaFX's looked-up colours, so it suits both themes. */
    public static final String APP_STYLESHEET = "/fcperm/wizard/app.css";

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public String fileSuffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
