package fcperm.plan;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local record of every change the app made: one JSON line per applied (or undone) step, appended and never
 * rewritten. It names the connection and account, the operation and the cloud's request id so a change can be
 * found in ActionTrail; it never holds a secret.
 */
public final class AuditJournal {

    /**
     * One line of the journal: {@code time} in ISO-8601 UTC; {@code outcome} is "applied", "undone" or
     * "failed: <error code>".
     */
    public record Entry(String time, String connection, String account, String operation, String target,
                        String requestId, String outcome) {

        public static Entry now(String connection, String account, String operation, String target,
                                String requestId, String outcome) {
            return new Entry(Instant.now().toString(), connection, account, operation, target, requestId, outcome);
        }
    }

    /** Made on first write, not at start-up: the journal is opened with the window. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path file;

    public AuditJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Entry entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String line = Json.MAPPER.writeValueAsString(entry) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit journal " + file, e);
        }
    }

    /** Every entry, oldest first. */
    public synchronized List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(Json.MAPPER.readValue(line, Entry.class));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit journal " + file, e);
        }
    }
}
