package fcperm.wizard.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Shows a model's list of facts as two columns (label, value) and keeps them current. */
public final class FactGrid {

    private FactGrid() {
    }

    public static void bind(GridPane grid, ObservableList<Fact> facts, I18n i18n) {
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (Fact fact : facts) {
                Label name = new Label(i18n.text(fact.labelKey()));
                name.getStyleClass().add(Styles.FACT_LABEL);
                Label value = new Label(fact.value());
                value.getStyleClass().add(Styles.FACT_VALUE);
                value.setWrapText(true);
                // Wrap long values (request ids, URLs) instead of cutting them off.
                value.setMinHeight(Region.USE_PREF_SIZE);
                name.setMinWidth(Region.USE_PREF_SIZE);
                // "connect.fact.account" → #fact-account, for tests and for reading the page
                value.setId("fact-" + fact.labelKey().substring(fact.labelKey().lastIndexOf('.') + 1));
                value.setAccessibleText(name.getText() + ": " + fact.value());
                grid.addRow(row++, name, value);
            }
        };
        ListChangeListener<Fact> listener = change -> fill.run();
        grid.getProperties().put(FactGrid.class, listener);
        facts.addListener(new javafx.collections.WeakListChangeListener<>(listener));
        fill.run();
    }
}
