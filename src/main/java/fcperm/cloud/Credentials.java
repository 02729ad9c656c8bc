package fcperm.cloud;

/**
 * How a connection signs its calls. The secret parts never appear in {@code toString}: records here override it.
 * The aliyun CLI calls these modes AK, StsToken and RamRoleArn; any other mode is {@link Unsupported}.
 */
public sealed interface Credentials {

    /** A long-term AccessKey. */
    record AccessKey(String id, String secret) implements Credentials {
        @Override
        public String toString() {
            return "AccessKey[" + Masking.keyId(id) + ", secret ****]";
        }
    }

    /** An STS token: a temporary key with its security token. */
    record StsToken(String id, String secret, String securityToken) implements Credentials {
        @Override
        public String toString() {
            return "StsToken[" + Masking.keyId(id) + ", secret ****, token ****]";
        }
    }

    /** Assume {@code roleArn} with the source key; the temporary key is renewed before it expires. */
    record RamRoleArn(AccessKey source, String roleArn, String sessionName, int durationSeconds)
            implements Credentials {
        @Override
        public String toString() {
            return "RamRoleArn[" + roleArn + " from " + source + "]";
        }
    }

    /** A mode of the aliyun CLI this app cannot use yet. */
    record Unsupported(String mode) implements Credentials {
    }

    /** A profile of a supported mode that lacks a field it needs ({@code access_key_id}, ...). */
    record Incomplete(String mode, String missing) implements Credentials {
    }

    /** The AccessKey ID for display, without the secret parts. */
    default String describe() {
        if (this instanceof AccessKey key) {
            return "AccessKey " + Masking.keyId(key.id());
        }
        if (this instanceof StsToken token) {
            return "STS token " + Masking.keyId(token.id());
        }
        if (this instanceof RamRoleArn role) {
            return "role " + role.roleArn() + " assumed with AccessKey " + Masking.keyId(role.source().id());
        }
        if (this instanceof Incomplete incomplete) {
            return "mode " + incomplete.mode() + ", incomplete";
        }
        return "mode " + ((Unsupported) this).mode();
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
