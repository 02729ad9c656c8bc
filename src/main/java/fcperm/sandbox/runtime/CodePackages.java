package fcperm.sandbox.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Uploaded code packages unpacked on disk, once per code checksum: {@code <root>/<checksum>/}. Unpacking goes to a
 * temporary folder that is renamed into place, so a crash never leaves a half-unpacked package behind.
 */
final class CodePackages {

    private final Path root;

    CodePackages(Path root) {
        this.root = root;
    }

    /** The folder holding the unpacked package, unpacking it first if this checksum was not seen yet. */
    synchronized Path unpacked(String checksum, Path zip) {
        Path target = root.resolve(checksum);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temporary = null;
        try {
            Files.createDirectories(root);
            temporary = Files.createTempDirectory(root, ".unpack-");
            unzip(zip, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            temporary = null;
            return target;
        } catch (FileAlreadyExistsException e) {
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the code package " + checksum, e);
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("the package has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder is harmless
        }
    }
}
