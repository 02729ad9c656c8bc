package fcperm.cloud.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connections a user already has: the aliyun CLI's profiles and the {@code ALIBABA_CLOUD_*} environment
 * variables, plus an AccessKey typed in (optionally saved as a new profile). HOME and the environment are handed in,
 * so tests use a temporary HOME and a map.
 */
public final class ConnectionCatalog {

    /** The region when neither the profile nor the environment names one. */
    public static final String DEFAULT_REGION = "cn-hangzhou";
    private final CliConfigFile config;
    private final Map<String, String> environment;

    public ConnectionCatalog(Path home, Map<String, String> environment) {
        this.config = new CliConfigFile(home);
        this.environment = Map.copyOf(environment);
    }

    /** The user's own HOME and environment. */
    public static ConnectionCatalog fromEnvironment() {
        return new ConnectionCatalog(Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** Where the profiles are read from and saved to. */
    public Path configFile() {
        return config.path();
    }

    /**
     * Every profile of config.json, the current one first ({@code ALIBABA_CLOUD_PROFILE} wins over the file's
     * {@code current}). Profiles of modes this app cannot use are listed too, with their reason.
     *
     * @throws java.io.UncheckedIOException when config.json exists but cannot be read or is not valid JSON
     */
    public List<Connection> profiles() {
        ObjectNode file = config.read();
        Optional<String> current = currentProfile(file);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode profile : CliConfigFile.profiles(file)) {
            String name = profile.path("name").asText("");
            if (!name.isEmpty()) {
                byName.putIfAbsent(name, profile);
            }
        }
        ProfileModes modes = new ProfileModes(byName, environment);
        List<Connection> profiles = new ArrayList<>();
        byName.forEach((name, profile) -> profiles.add(new Connection(Connection.Kind.PROFILE, name, region(profile),
                modes.credentials(name), Endpoints.publicCloud())));
        profiles.sort(Comparator.comparing(p -> !current.map(p.name()::equals).orElse(false)));
        return profiles;
    }

    /** The profile called {@code name}, as {@link #profiles()} lists it. */
    public Optional<Connection> profile(String name) {
        return profiles().stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** The profile to preselect. */
    public Optional<String> currentProfile() {
        return currentProfile(config.read());
    }

    private Optional<String> currentProfile(ObjectNode file) {
        return Optional.ofNullable(environment.get("ALIBABA_CLOUD_PROFILE")).filter(name -> !name.isBlank())
                .or(() -> CliConfigFile.current(file));
    }

    /**
     * The connection the {@code ALIBABA_CLOUD_*} variables describe, in the order the credentials library's default
     * chain reads them: a key ({@link #environmentKey()}), else an OIDC role ({@code ALIBABA_CLOUD_ROLE_ARN},
     * {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN}, {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE}), else
     * {@code ALIBABA_CLOUD_CREDENTIALS_URI}.
     */
    public Optional<Connection> environment() {
        String roleArn = variable("ALIBABA_CLOUD_ROLE_ARN");
        String providerArn = variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN");
        String tokenFile = variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE");
        String uri = variable("ALIBABA_CLOUD_CREDENTIALS_URI");
        Optional<Credentials> credentials = environmentKey().or(() -> !roleArn.isEmpty() && !providerArn.isEmpty()
                && !tokenFile.isEmpty() ? Optional.of(new Credentials.OidcRoleArn(roleArn, providerArn, tokenFile,
                ProfileModes.DEFAULT_SESSION_NAME, ProfileModes.DEFAULT_ROLE_SECONDS, "")) : Optional.empty())
                .or(() -> uri.isEmpty() ? Optional.empty() : Optional.of(new Credentials.CredentialsUri(uri)));
        String region = variable("ALIBABA_CLOUD_REGION_ID");
        return credentials.map(key -> new Connection(Connection.Kind.ENVIRONMENT, "environment",
                region.isEmpty() ? DEFAULT_REGION : region, key, Endpoints.publicCloud()));
    }

    /**
     * The key of {@code ALIBABA_CLOUD_ACCESS_KEY_ID} and {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}, with
     * {@code ALIBABA_CLOUD_SECURITY_TOKEN} when it is temporary.
     */
    public Optional<Credentials> environmentKey() {
        String id = variable("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        String token = variable("ALIBABA_CLOUD_SECURITY_TOKEN");
        return Optional.of(token.isEmpty() ? new Credentials.AccessKey(id, secret)
                : new Credentials.StsToken(id, secret, token));
    }

    private String variable(String name) {
        return environment.getOrDefault(name, "").strip();
    }

    /** An AccessKey typed in, in the default region. */
    public Connection manual(String keyId, String secret, Optional<String> saveAsProfile) {
        return manual(keyId, secret, DEFAULT_REGION, saveAsProfile);
    }

    /**
     * An AccessKey typed in. With {@code saveAsProfile}, it is first added to config.json as an AK profile of that
     * name (refused when the name is taken; the file is replaced atomically and stays readable by its owner only).
     */
    public Connection manual(String keyId, String secret, String region, Optional<String> saveAsProfile) {
        Credentials.AccessKey key = new Credentials.AccessKey(keyId.strip(), secret);
        if (saveAsProfile.isPresent()) {
            config.addAccessKeyProfile(saveAsProfile.get(), key.id(), key.secret(), region);
            return new Connection(Connection.Kind.PROFILE, saveAsProfile.get(), region, key, Endpoints.publicCloud());
        }
        return new Connection(Connection.Kind.MANUAL, "manual", region, key, Endpoints.publicCloud());
    }

    private static String region(JsonNode profile) {
        String region = profile.path("region_id").asText("");
        return region.isBlank() ? DEFAULT_REGION : region;
    }

}
