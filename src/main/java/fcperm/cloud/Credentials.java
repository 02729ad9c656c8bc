package fcperm.cloud;

import java.util.List;

/**
 * How a connection gets the keys it signs with, one record per mode of the aliyun CLI's profiles (docs/cli-profiles.md).
 * The secret parts never appear in {@code toString}: records that hold one override it. Turning a record into keys is
 * the work of {@code fcperm.cloud.sts.KeySources}, over the official credentials library.
 */
public sealed interface Credentials {

    /** A long-term AccessKey (mode AK). */
    record AccessKey(String id, String secret) implements Credentials {
        @Override
        public String toString() {
            return "AccessKey[" + Masking.keyId(id) + ", secret ****]";
        }
    }

    /** An STS token: a temporary key with its security token (mode StsToken). */
    record StsToken(String id, String secret, String securityToken) implements Credentials {
        @Override
        public String toString() {
            return "StsToken[" + Masking.keyId(id) + ", secret ****, token ****]";
        }
    }

    /**
     * Assume {@code roleArn} with the keys of {@code source}, again before the temporary key expires. {@code mode}
     * says where the source keys come from: RamRoleArn (the profile's own AccessKey), ChainableRamRoleArn (another
     * profile) or RamRoleArnWithRoleName (the ECS instance's role; the CLI's RamRoleArnWithEcs). {@code stsEndpoint}
     * is the profile's own STS endpoint, empty for the connection's.
     */
    record RamRoleArn(String mode, Credentials source, String roleArn, String sessionName, int durationSeconds,
                      String externalId, String stsEndpoint) implements Credentials {
        @Override
        public String toString() {
            return "RamRoleArn[" + roleArn + " from " + source + "]";
        }
    }

    /**
     * The temporary key the aliyun CLI keeps in a CloudSSO profile after signing in through a browser, valid until
     * {@code expires}; renewing it needs the CLI.
     */
    record CloudSso(StsToken key, java.time.Instant expires) implements Credentials {
    }

    /** The RAM role of the ECS instance this runs on, from its metadata service (mode EcsRamRole). */
    record EcsRamRole(String roleName) implements Credentials {
    }

    /** Assume {@code roleArn} with the OIDC token in {@code tokenFile} (mode OIDC); {@code stsEndpoint} as above. */
    record OidcRoleArn(String roleArn, String providerArn, String tokenFile, String sessionName, int durationSeconds,
                       String stsEndpoint) implements Credentials {
    }

    /** Run {@code command}, which prints a profile's credentials as JSON (mode External). */
    record External(String command) implements Credentials {
    }

    /** GET {@code uri}, which answers with a temporary key (mode CredentialsURI). */
    record CredentialsUri(String uri) implements Credentials {
        /** The URI to show: a query may carry a token, so it is left out. */
        public String shown() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /**
     * A profile this app cannot sign with: {@code reason} is the key of the sentence that says why and what to do
     * (the app's messages, with {@code {0}} the mode, {@code {1}} the profile's name, {@code {2}} {@code detail}).
     */
    record Unusable(String mode, String reason, String detail) implements Credentials {
    }

    /** The aliyun CLI's name of the mode. */
    default String mode() {
        if (this instanceof AccessKey) {
            return "AK";
        }
        if (this instanceof StsToken) {
            return "StsToken";
        }
        if (this instanceof RamRoleArn role) {
            return role.mode();
        }
        if (this instanceof CloudSso) {
            return "CloudSSO";
        }
        if (this instanceof EcsRamRole) {
            return "EcsRamRole";
        }
        if (this instanceof OidcRoleArn) {
            return "OIDC";
        }
        if (this instanceof External) {
            return "External";
        }
        if (this instanceof CredentialsUri) {
            return "CredentialsURI";
        }
        return ((Unusable) this).mode();
    }

    /** One line for a person: the mode and what identifies it, never a secret. */
    default String describe() {
        if (this instanceof AccessKey key) {
            return "AccessKey " + Masking.keyId(key.id());
        }
        if (this instanceof StsToken token) {
            return "STS token " + Masking.keyId(token.id());
        }
        if (this instanceof RamRoleArn role) {
            return "role " + role.roleArn() + " assumed with " + role.source().describe();
        }
        if (this instanceof CloudSso sso) {
            return "CloudSSO " + sso.key().describe();
        }
        if (this instanceof EcsRamRole ecs) {
            return "ECS instance role" + (ecs.roleName().isBlank() ? "" : " " + ecs.roleName());
        }
        if (this instanceof OidcRoleArn oidc) {
            return "role " + oidc.roleArn() + " assumed with the OIDC token " + oidc.tokenFile();
        }
        if (this instanceof External external) {
            return "credentials printed by " + List.of(external.command().split("\\s+")).get(0);
        }
        if (this instanceof CredentialsUri uri) {
            return "credentials served at " + uri.shown();
        }
        return "mode " + mode() + ", cannot be used";
    }

    /** How key ids are shown: enough to recognise one, not to copy it. */
    final class Masking {
        private Masking() {
        }

        public static String keyId(String id) {
            if (id == null || id.length() <= 8) {
                return "****";
            }
            return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
        }
    }
}
