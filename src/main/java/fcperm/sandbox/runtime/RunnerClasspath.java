package fcperm.sandbox.runtime;

import com.aliyun.fc.runtime.Context;
import fcperm.sandbox.runtime.child.FunctionRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The part of a function instance's classpath that is ours: a small jar holding only the runner package, written
 * from the sandbox's own class files, and fc-java-core (which FC provides to every Java function). The child JVM
 * gets nothing else of the sandbox, so the function runs against its own package and libraries.
 */
final class RunnerClasspath {

    private static final String CHILD_PACKAGE = FunctionRunner.class.getPackageName().replace('.', '/') + "/";

    private RunnerClasspath() {
    }

    /** Writes the runner jar into {@code folder} (replacing an older one) and returns the classpath entries. */
    static List<Path> prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            Path jar = folder.resolve("fc-runner.jar");
            Path temporary = Files.createTempFile(folder, ".runner-", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temporary))) {
                for (String entry : runnerClassFiles()) {
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream in = FunctionRunner.class.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return List.of(jar, codeSourceOf(Context.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the function runner into " + folder, e);
        }
    }

    /** The runner package's class files, read from the directory or jar the sandbox itself was loaded from. */
    private static List<String> runnerClassFiles() throws IOException {
        Path source = codeSourceOf(FunctionRunner.class);
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(CHILD_PACKAGE))) {
                files.filter(file -> file.toString().endsWith(".class"))
                        .forEach(file -> entries.add(CHILD_PACKAGE + file.getFileName()));
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                    String name = all.nextElement().getName();
                    if (name.startsWith(CHILD_PACKAGE) && name.endsWith(".class")
                            && name.indexOf('/', CHILD_PACKAGE.length()) < 0) {
                        entries.add(name);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("no runner classes found in " + source);
        }
        return entries;
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
