package fcperm.cloud.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running sandbox as its {@code sandbox.json} describes it (written by {@code fcperm sandbox}): the account, the
 * region, the endpoint of each service, FC of other regions, and the root AccessKey.
 */
public record SandboxFile(Path file, String accountId, String region, Endpoints endpoints,
                          Credentials.AccessKey rootKey) {

    /**
     * @throws UncheckedIOException when the file cannot be read or lacks a field
     */
    public static SandboxFile read(Path file) {
        JsonNode info;
        try {
            info = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        JsonNode urls = info.path("endpoints");
        Map<String, URI> fcOfRegion = new HashMap<>();
        info.path("fcRegions").properties().forEach(entry -> fcOfRegion.put(entry.getKey(),
                URI.create(entry.getValue().asText())));
        String region = text(file, info, "region");
        fcOfRegion.put(region, URI.create(text(file, urls, "fc")));
        URI fcElsewhere = fcOfRegion.get(region);
        Endpoints endpoints = new Listed(URI.create(text(file, urls, "ram")), URI.create(text(file, urls, "sts")),
                URI.create(text(file, urls, "resourcemanager")), URI.create(text(file, urls, "oss")),
                fcOfRegion, fcElsewhere, file);
        return new SandboxFile(file, text(file, info, "accountId"), region, endpoints,
                new Credentials.AccessKey(text(file, info, "rootAccessKeyId"), text(file, info, "rootAccessKeySecret")));
    }

    /** The sandbox's own account: its root key, or {@code key} (a RAM user's, set in the environment) instead. */
    public Connection connection(Credentials key) {
        return Connection.sandbox(region, key, endpoints);
    }

    private static String text(Path file, JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new UncheckedIOException(new IOException(file + " has no " + field + "; is it a sandbox.json?"));
        }
        return value;
    }

    /** Every service at the URL the file gives it; FC of a region the file does not list at the default region's. */
    private record Listed(URI ram, URI sts, URI resourceManager, URI oss, Map<String, URI> fcOfRegion,
                          URI fcElsewhere, Path file) implements Endpoints {
        @Override
        public URI fc(String accountId, String region) {
            return fcOfRegion.getOrDefault(region, fcElsewhere);
        }

        @Override
        public URI oss(String region) {
            return oss;
        }

        @Override
        public String toString() {
            return "endpoints of " + file;
        }
    }
}
