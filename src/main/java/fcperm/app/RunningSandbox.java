package fcperm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A sandbox another process runs on the same data folder — a first copy of the app or a {@code sandbox} command —
 * found through the {@code sandbox.json} it wrote there once it served requests: a second copy of the app connects
 * to it instead of failing on the folder in use.
 */
final class RunningSandbox {

    /** Why the running sandbox cannot be used: said to the user. */
    static final class Unusable extends Exception {
        Unusable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private RunningSandbox() {
    }

    /** The connection to the sandbox that {@code dataDir}'s sandbox.json describes. */
    static Connection connectionFrom(Path dataDir) throws Unusable {
        Path file = dataDir.resolve(SandboxCommand.INFO_FILE);
        JsonNode info;
        try {
            info = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new Unusable("it has not written " + file + " (it may still be starting, or be an older version)", e);
        } catch (IOException e) {
            throw new Unusable("its " + file + " cannot be read: " + e.getMessage(), e);
        }
        String region = info.path("region").asText("");
        String base = info.path("endpoints").path("ram").asText("");
        String keyId = info.path("rootAccessKeyId").asText("");
        String secret = info.path("rootAccessKeySecret").asText("");
        if (region.isEmpty() || base.isEmpty() || keyId.isEmpty() || secret.isEmpty()) {
            throw new Unusable(file + " lacks the region, the endpoints or the root key", null);
        }
        URI defaultFc = URI.create(info.path("endpoints").path("fc").asText(base));
        JsonNode otherRegions = info.path("fcRegions");
        return Connection.sandbox(region, new Credentials.AccessKey(keyId, secret), Endpoints.local(URI.create(base),
                fcRegion -> otherRegions.hasNonNull(fcRegion) ? URI.create(otherRegions.get(fcRegion).asText())
                        : defaultFc));
    }
}
