package fcperm.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a scene as a PNG. Works headless: Monocle cannot capture the screen, but a scene snapshot renders real
 * anti-aliased text (docs/javafx-platform.md §2). Call on the FX thread.
 */
final class Snapshots {

    private Snapshots() {
    }

    static void save(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
