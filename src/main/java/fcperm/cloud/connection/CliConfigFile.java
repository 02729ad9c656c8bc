package fcperm.cloud.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aliyun CLI's {@code ~/.aliyun/config.json}: {@code current} names the profile in use, {@code profiles} holds
 * one object per profile with snake_case fields ({@code mode}, {@code access_key_id}, {@code region_id}, ...).
 * Written the way the CLI writes it: the whole file replaced at once, readable by its owner only, every other profile
 * and field kept as it was.
 */
final class CliConfigFile {

    /**
     * Jackson is a few hundred classes: held apart so that building the catalog at start-up, while the window is
     * being opened, does not load them; the first read, in a background task, does.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path file;

    CliConfigFile(Path home) {
        this.file = home.resolve(".aliyun").resolve("config.json");
    }

    Path path() {
        return file;
    }

    /** The file's content; an empty configuration when there is no file. */
    ObjectNode read() {
        if (!Files.isRegularFile(file)) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root instanceof ObjectNode object) {
                return object;
            }
            throw new UncheckedIOException(new IOException(file + " does not hold a JSON object"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException(file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); fix it or run `aliyun configure`", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> current(ObjectNode config) {
        return Optional.of(config.path("current").asText("")).filter(name -> !name.isEmpty());
    }

    static List<JsonNode> profiles(ObjectNode config) {
        List<JsonNode> profiles = new ArrayList<>();
        config.path("profiles").forEach(profiles::add);
        return profiles;
    }

    /**
     * Adds an AK profile and writes the file. Refuses a name that is taken: a manual entry never overwrites a
     * profile the user made.
     */
    void addAccessKeyProfile(String name, String keyId, String secret, String region) {
        ObjectNode config = read();
        if (profiles(config).stream().anyMatch(p -> p.path("name").asText().equals(name))) {
            throw new IllegalArgumentException("A profile named \"" + name + "\" already exists in " + file
                    + "; choose another name.");
        }
        ArrayNode profiles = config.has("profiles") && config.get("profiles").isArray()
                ? (ArrayNode) config.get("profiles") : config.putArray("profiles");
        ObjectNode profile = profiles.addObject();
        profile.put("name", name);
        profile.put("mode", "AK");
        profile.put("access_key_id", keyId);
        profile.put("access_key_secret", secret);
        profile.put("sts_token", "");
        profile.put("ram_role_name", "");
        profile.put("ram_role_arn", "");
        profile.put("ram_session_name", "");
        profile.put("private_key", "");
        profile.put("key_pair_name", "");
        profile.put("expired_seconds", 0);
        profile.put("verified", "");
        profile.put("region_id", region);
        profile.put("output_format", "json");
        profile.put("language", "en");
        profile.put("site", "");
        profile.put("retry_timeout", 0);
        profile.put("connect_timeout", 0);
        profile.put("retry_count", 0);
        if (!config.has("current") || config.path("current").asText("").isEmpty()) {
            config.put("current", name);
        }
        if (!config.has("meta_path")) {
            config.put("meta_path", "");
        }
        write(config);
    }

    /** Writes a sibling temporary file that only the owner can read, then moves it over the old one at once. */
    private void write(ObjectNode config) {
        try {
            Path directory = file.getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path temporary = directory.resolve("config.json.tmp-" + ProcessHandle.current().pid());
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot create " + temporary, e);
            }
            Files.write(temporary, Json.MAPPER.writeValueAsBytes(config));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
