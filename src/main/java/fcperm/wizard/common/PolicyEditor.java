package fcperm.wizard.common;

import fcperm.policy.parse.PolicyProblem;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A policy document editor that marks a problem where it is: a red underline under the token at the problem's line
 * and column, following the text as it scrolls, with the problem's sentence as the tooltip. Only the spot is marked;
 * the rest of the editor stays as it is, so the user sees what to fix.
 */
public final class PolicyEditor extends StackPane {

    /** Where to mark (1-based line and column) and what to say there. */
    public record Mark(int line, int column, String message) {

        public static Mark of(PolicyProblem problem, String message) {
            return new Mark(problem.line(), problem.column(), message);
        }
    }

    private final TextArea area = new TextArea();
    private final Region underline = new Region();
    private final Tooltip tooltip = new Tooltip();
    private final ObjectProperty<Mark> mark = new SimpleObjectProperty<>(this, "mark");

    public PolicyEditor() {
        area.getStyleClass().add(Styles.CODE);
        underline.getStyleClass().add(Styles.PROBLEM_UNDERLINE);
        underline.setManaged(false);
        underline.setMouseTransparent(true);
        underline.setVisible(false);
        getChildren().addAll(area, underline);
        InvalidationListener moved = observable -> requestLayout();
        mark.addListener(moved);
        area.textProperty().addListener(moved);
        area.scrollTopProperty().addListener(moved);
        area.scrollLeftProperty().addListener(moved);
        area.skinProperty().addListener(moved);
        mark.addListener((obs, old, now) -> {
            tooltip.setText(now == null ? "" : now.message());
            area.setTooltip(now == null ? null : tooltip);
        });
    }

    public TextArea textArea() {
        return area;
    }

    public StringProperty textProperty() {
        return area.textProperty();
    }

    /** The problem to mark; null for none. */
    public ObjectProperty<Mark> markProperty() {
        return mark;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeUnderline();
    }

    private void placeUnderline() {
        Mark at = mark.get();
        if (at == null || area.getLength() == 0 || !(area.getSkin() instanceof TextAreaSkin skin)) {
            underline.setVisible(false);
            return;
        }
        String text = area.getText();
        int start = offsetOf(text, at.line(), at.column());
        int end = tokenEnd(text, start);
        Rectangle2D first = skin.getCharacterBounds(start);
        Rectangle2D last = skin.getCharacterBounds(end - 1);
        double width = last.getMinY() == first.getMinY() ? last.getMaxX() - first.getMinX() : first.getWidth();
        // The skin answers in the coordinates of the scrolled text; the text starts inside the area's insets.
        double x = area.snappedLeftInset() + first.getMinX();
        double y = area.snappedTopInset() + first.getMaxY();
        boolean shown = y > area.snappedTopInset() && y < area.getHeight() - area.snappedBottomInset();
        underline.setVisible(shown);
        underline.resizeRelocate(x, y - 1, Math.max(width, 6), 2);
    }

    /** The offset of a 1-based line and column in {@code text}, kept inside the text. */
    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                break;
            }
            offset = next + 1;
        }
        int lineEnd = text.indexOf('\n', offset);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        return Math.max(0, Math.min(offset + Math.max(column, 1) - 1, Math.max(limit - 1, offset)));
    }

    /** Just past the word (or single character) that starts at {@code start}: what is underlined. */
    static int tokenEnd(String text, int start) {
        int end = start + 1;
        if (Character.isLetterOrDigit(text.charAt(start))) {
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
        }
        return Math.min(end, text.length());
    }
}
