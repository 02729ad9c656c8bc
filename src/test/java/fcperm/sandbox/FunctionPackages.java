package fcperm.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Code packages for tests: the given handler classes at the root, and optionally Jackson under lib/. */
final class FunctionPackages {

    private FunctionPackages() {
    }

    static byte[] of(Class<?>... handlers) {
        return build(false, handlers);
    }

    static byte[] withJackson(Class<?>... handlers) {
        return build(true, handlers);
    }

    private static byte[] build(boolean jackson, Class<?>... handlers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Class<?> handler : handlers) {
                String entry = handler.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry(entry));
                try (InputStream in = handler.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (jackson) {
                for (Class<?> library : List.of(ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class)) {
                    Path jar = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
                    zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
