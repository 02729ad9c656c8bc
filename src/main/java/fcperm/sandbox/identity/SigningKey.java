package fcperm.sandbox.identity;

import java.time.Instant;
import java.util.Optional;

/** A stored AccessKey with its owner; for a role session also its token and expiry. toString masks the secrets. */
public record SigningKey(String accessKeyId, String secret, boolean active, Optional<String> securityToken,
                         Optional<Instant> expiration, Caller owner) {

    @Override
    public String toString() {
        return "SigningKey[" + accessKeyId + ", secret=****, active=" + active + ", owner=" + owner.arn() + "]";
    }
}
