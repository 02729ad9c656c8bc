package fcperm.wizard.common;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

import java.util.function.Function;

/**
 * Builds list cells from functions of the item, so views never subclass ListCell:
 * {@code list.setCellFactory(ListCells.of(Role::name).withGraphic(this::iconOf).withAccessibleText(...))}.
 */
public final class ListCells<T> implements Callback<ListView<T>, ListCell<T>> {

    private final Function<T, String> text;
    private Function<T, Node> graphic = item -> null;
    private Function<T, String> accessibleText;
    private Function<T, String> styleClass = item -> null;
    private boolean wrapping;

    private ListCells(Function<T, String> text) {
        this.text = text;
        this.accessibleText = text;
    }

    public static <T> ListCells<T> of(Function<T, String> text) {
        return new ListCells<>(text);
    }

    public ListCells<T> withGraphic(Function<T, Node> graphic) {
        this.graphic = graphic;
        return this;
    }

    public ListCells<T> withAccessibleText(Function<T, String> accessibleText) {
        this.accessibleText = accessibleText;
        return this;
    }

    /** One extra style class for the cell of an item (or null for none). */
    public ListCells<T> withStyleClass(Function<T, String> styleClass) {
        this.styleClass = styleClass;
        return this;
    }

    /** Long texts wrap inside the list's width instead of widening the list (and showing a scroll bar). */
    public ListCells<T> wrapping() {
        this.wrapping = true;
        return this;
    }

    @Override
    public ListCell<T> call(ListView<T> list) {
        ListCell<T> cell = new ListCell<>() {
            private String extraClass;

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (extraClass != null) {
                    getStyleClass().remove(extraClass);
                    extraClass = null;
                }
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                setText(text.apply(item));
                setGraphic(graphic.apply(item));
                setAccessibleText(accessibleText.apply(item));
                extraClass = styleClass.apply(item);
                if (extraClass != null) {
                    getStyleClass().add(extraClass);
                }
            }
        };
        if (wrapping) {
            cell.setWrapText(true);
            // A zero preferred width lets the list's own width decide where the text wraps.
            cell.setPrefWidth(0);
            cell.getStyleClass().add(Styles.WRAPPING_CELL);
        }
        return cell;
    }
}
