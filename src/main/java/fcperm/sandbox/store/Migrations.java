package fcperm.sandbox.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations. {@code migrations/index.txt} lists the SQL files in order, one per line; each file's
 * numeric prefix is its version ({@code 001-identity.sql} is version 1). A service that needs tables appends its own
 * file to the index. Each pending file runs in its own transaction together with its {@code schema_version} row, so a
 * crash mid-migration leaves the previous version intact.
 */
final class Migrations {

    private static final String FOLDER = "/fcperm/sandbox/store/migrations/";

    record Migration(int version, String file) {
    }

    private Migrations() {
    }

    static void apply(Database database) {
        database.transaction(tx -> tx.update(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, file TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        long current = database.read(tx -> tx.number("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
        for (Migration migration : listed()) {
            if (migration.version() <= current) {
                continue;
            }
            String script = resource(migration.file());
            database.transaction(tx -> {
                tx.execute(script);
                return tx.update("INSERT INTO schema_version (version, file, applied_at) VALUES (?, ?, ?)",
                        migration.version(), migration.file(), Instant.now().toString());
            });
        }
    }

    static List<Migration> listed() {
        List<Migration> migrations = new ArrayList<>();
        int previous = 0;
        for (String line : resource("index.txt").split("\\r?\\n")) {
            String file = line.trim();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            int version = Integer.parseInt(file.substring(0, file.indexOf('-')));
            if (version <= previous) {
                throw new IllegalStateException("migration versions must increase: " + file);
            }
            previous = version;
            migrations.add(new Migration(version, file));
        }
        return migrations;
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
