package fcperm.wizard.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrapping list cells under the app's theme, in a narrow list as the Permissions page's side column is. */
@ExtendWith(ApplicationExtension.class)
class ListCellsTest {

    private static final String LONG = "fc-oss-write-image-resizer-output  ·  new custom policy\nThe whole account";
    private ListView<String> list;
    private Stage window;

    /** A window of its own: the primary stage keeps its size for the GUI tests that run after this one. */
    @Start
    void start(Stage primary) {
        Theme.LIGHT.apply();
        list = new ListView<>();
        list.getItems().setAll(LONG, "short");
        list.setCellFactory(ListCells.<String>of(item -> item).wrapping());
        Scene scene = new Scene(list, 300, 300);
        scene.getStylesheets().add(Theme.class.getResource(Theme.APP_STYLESHEET).toExternalForm());
        window = new Stage();
        window.setScene(scene);
        window.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void aWrappingCellShowsEveryLineOfALongTextUncut(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = new ArrayList<>();
        robot.interact(() -> {
            for (Node node : list.lookupAll(".list-cell")) {
                ListCell<?> cell = (ListCell<?>) node;
                if (LONG.equals(cell.getItem())) {
                    // what the cell draws: the item's text, or a shortened one ending in an ellipsis
                    cell.lookupAll(".text").forEach(text -> shown.add(((Text) text).getText()));
                    assertThat(cell.getHeight()).as("taller than two lines").isGreaterThan(cell.prefHeight(-1));
                }
            }
        });
        assertThat(shown).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("…", "..."));
    }
}
