package fcperm.app;

import java.nio.file.Path;

/**
 * Where the app keeps its files: settings, the audit journal, the embedded sandbox's data. {@code ~/.fcperm} unless
 * {@code -Dfcperm.home=DIR} says otherwise (tests and benchmarks use a temporary folder).
 */
public record AppHome(Path dir) {

    public static AppHome fromEnvironment() {
        String override = System.getProperty("fcperm.home");
        return new AppHome(override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".fcperm"));
    }

    public Path settings() {
        return dir.resolve("settings.properties");
    }

    public Path auditJournal() {
        return dir.resolve("audit.jsonl");
    }

    public Path sandboxData() {
        return dir.resolve("sandbox");
    }
}
