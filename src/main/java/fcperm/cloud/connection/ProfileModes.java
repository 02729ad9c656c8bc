package fcperm.cloud.connection;

import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.Credentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each profile of the aliyun CLI's config.json signs with, read field by field as the CLI names them
 * (docs/cli-profiles.md). A profile that cannot work becomes {@link Credentials.Unusable} with the message key of the
 * reason; nothing here reads a key or a token from anywhere but the file.
 */
final class ProfileModes {

    /** Role keys of a profile without {@code expired_seconds}: the shortest STS allows, as the CLI's default. */
    static final int DEFAULT_ROLE_SECONDS = 900;
    /** A role session of a profile without {@code ram_session_name}. */
    static final String DEFAULT_SESSION_NAME = "fc-permissions-console";
    /** The CLI's switch that turns External and CredentialsURI off. */
    static final String DISABLE_EXTERNAL = "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS";

    private final Map<String, JsonNode> profiles;
    private final boolean externalDisabled;
    /** The CLI's fallback for a CredentialsURI profile without {@code credentials_uri}. */
    private final String environmentUri;

    ProfileModes(Map<String, JsonNode> profiles, Map<String, String> environment) {
        this.profiles = profiles;
        String disable = environment.getOrDefault(DISABLE_EXTERNAL, "");
        this.externalDisabled = disable.equals("1") || disable.equalsIgnoreCase("true");
        this.environmentUri = environment.getOrDefault("ALIBABA_CLOUD_CREDENTIALS_URI", "").strip();
    }

    Credentials credentials(String name) {
        return credentials(name, new ArrayList<>());
    }

    /** {@code chain}: the ChainableRamRoleArn profiles that led here, to refuse a loop. */
    private Credentials credentials(String name, List<String> chain) {
        JsonNode profile = profiles.get(name);
        String mode = mode(profile.path("mode").asText(""));
        return switch (mode) {
            case "AK" -> missing(profile, mode, "access_key_id", "access_key_secret")
                    .orElse(() -> accessKey(profile));
            case "StsToken" -> missing(profile, mode, "access_key_id", "access_key_secret", "sts_token")
                    .orElse(() -> stsToken(profile));
            case "RamRoleArn" -> missing(profile, mode, "access_key_id", "access_key_secret", "ram_role_arn")
                    .orElse(() -> role(profile, mode, text(profile, "sts_token").isEmpty() ? accessKey(profile)
                            : stsToken(profile)));
            case "ChainableRamRoleArn" -> missing(profile, mode, "source_profile", "ram_role_arn")
                    .orElse(() -> chained(profile, name, chain));
            case "EcsRamRole" -> new Credentials.EcsRamRole(text(profile, "ram_role_name"));
            case "RamRoleArnWithRoleName" -> missing(profile, mode, "ram_role_arn")
                    .orElse(() -> role(profile, mode, new Credentials.EcsRamRole(text(profile, "ram_role_name"))));
            case "OIDC" -> missing(profile, mode, "oidc_provider_arn", "oidc_token_file", "ram_role_arn")
                    .orElse(() -> new Credentials.OidcRoleArn(text(profile, "ram_role_arn"),
                            text(profile, "oidc_provider_arn"), text(profile, "oidc_token_file"),
                            sessionName(profile), duration(profile), stsEndpoint(profile)));
            case "External" -> externalDisabled ? unusable(mode, "profile.externalDisabled", DISABLE_EXTERNAL)
                    : missing(profile, mode, "process_command")
                    .orElse(() -> new Credentials.External(text(profile, "process_command")));
            case "CredentialsURI" -> externalDisabled ? unusable(mode, "profile.externalDisabled", DISABLE_EXTERNAL)
                    : credentialsUri(profile, mode);
            case "CloudSSO" -> cloudSso(profile, mode);
            default -> unusable(mode.isEmpty() ? "(none)" : mode, "profile.unknownMode", "");
        };
    }

    /**
     * The CLI's name of a mode, compared without case as the CLI does; RamRoleArnWithEcs is the name the CLI's
     * documentation gives the mode it writes as RamRoleArnWithRoleName.
     */
    static String mode(String written) {
        for (String known : List.of("AK", "StsToken", "RamRoleArn", "ChainableRamRoleArn", "EcsRamRole",
                "RamRoleArnWithRoleName", "OIDC", "External", "CredentialsURI", "CloudSSO")) {
            if (known.equalsIgnoreCase(written)) {
                return known;
            }
        }
        return written.toLowerCase(Locale.ROOT).equals("ramrolearnwithecs") ? "RamRoleArnWithRoleName" : written;
    }

    private Credentials credentialsUri(JsonNode profile, String mode) {
        String uri = text(profile, "credentials_uri");
        if (uri.isEmpty() && environmentUri.isEmpty()) {
            return unusable(mode, "profile.incomplete", "credentials_uri");
        }
        return new Credentials.CredentialsUri(uri.isEmpty() ? environmentUri : uri);
    }

    private Credentials chained(JsonNode profile, String name, List<String> chain) {
        String source = text(profile, "source_profile");
        chain.add(name);
        if (chain.contains(source)) {
            return unusable("ChainableRamRoleArn", "profile.sourceLoop", String.join(" → ", chain) + " → " + source);
        }
        if (!profiles.containsKey(source)) {
            return unusable("ChainableRamRoleArn", "profile.sourceMissing", source);
        }
        Credentials keys = credentials(source, chain);
        if (keys instanceof Credentials.Unusable unusable && unusable.reason().equals("profile.sourceLoop")) {
            return unusable;
        }
        if (keys instanceof Credentials.Unusable) {
            return unusable("ChainableRamRoleArn", "profile.sourceMissing", source);
        }
        return role(profile, "ChainableRamRoleArn", keys);
    }

    /**
     * The temporary key the CLI keeps in the profile after a browser sign-in, while it is valid; {@code sts_expiration}
     * is in seconds since 1970.
     */
    private static Credentials cloudSso(JsonNode profile, String mode) {
        Instant expires = Instant.ofEpochSecond(profile.path("sts_expiration").asLong(0));
        if (text(profile, "access_key_id").isEmpty() || text(profile, "access_key_secret").isEmpty()
                || text(profile, "sts_token").isEmpty() || !expires.isAfter(Instant.now())) {
            return unusable(mode, "profile.cloudSso", "");
        }
        return new Credentials.CloudSso(stsToken(profile), expires);
    }

    private static Credentials role(JsonNode profile, String mode, Credentials source) {
        return new Credentials.RamRoleArn(mode, source, text(profile, "ram_role_arn"), sessionName(profile),
                duration(profile), text(profile, "external_id"), stsEndpoint(profile));
    }

    private static Credentials.AccessKey accessKey(JsonNode profile) {
        return new Credentials.AccessKey(text(profile, "access_key_id"), text(profile, "access_key_secret"));
    }

    private static Credentials.StsToken stsToken(JsonNode profile) {
        return new Credentials.StsToken(text(profile, "access_key_id"), text(profile, "access_key_secret"),
                text(profile, "sts_token"));
    }

    /**
     * The profile's own STS endpoint, as the CLI resolves it: {@code sts_endpoint} (a host, with or without scheme),
     * else {@code sts.<sts_region>.aliyuncs.com}; empty when the profile names neither.
     */
    private static String stsEndpoint(JsonNode profile) {
        String host = text(profile, "sts_endpoint").replaceFirst("^https?://", "").replaceFirst("/$", "");
        if (!host.isEmpty()) {
            return "https://" + host;
        }
        String region = text(profile, "sts_region");
        return region.isEmpty() ? "" : "https://sts." + region + ".aliyuncs.com";
    }

    private static String sessionName(JsonNode profile) {
        String name = text(profile, "ram_session_name");
        return name.isEmpty() ? DEFAULT_SESSION_NAME : name;
    }

    private static int duration(JsonNode profile) {
        int seconds = profile.path("expired_seconds").asInt(0);
        return seconds > 0 ? seconds : DEFAULT_ROLE_SECONDS;
    }

    private static String text(JsonNode profile, String field) {
        return profile.path(field).asText("").strip();
    }

    private static Credentials.Unusable unusable(String mode, String reason, String detail) {
        return new Credentials.Unusable(mode, reason, detail);
    }

    /** The first of {@code fields} the profile lacks, as the reason it is incomplete. */
    private static Missing missing(JsonNode profile, String mode, String... fields) {
        for (String field : fields) {
            if (text(profile, field).isEmpty()) {
                return new Missing(unusable(mode, "profile.incomplete", field));
            }
        }
        return new Missing(null);
    }

    private record Missing(Credentials.Unusable reason) {
        Credentials orElse(java.util.function.Supplier<Credentials> complete) {
            return reason != null ? reason : complete.get();
        }
    }
}
