package fcperm.sandbox.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * An AccessKey pair, plus the security token and expiry of temporary (STS) credentials.
 * {@link #toString()} never shows the secret or the token.
 */
public record AccessKeyPair(String accessKeyId, String accessKeySecret, Optional<String> securityToken,
                          Optional<Instant> expiration) {

    public static AccessKeyPair longTerm(String accessKeyId, String accessKeySecret) {
        return new AccessKeyPair(accessKeyId, accessKeySecret, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=****"
                + securityToken.map(t -> ", securityToken=****").orElse("")
                + expiration.map(e -> ", expiration=" + e).orElse("") + "]";
    }
}
