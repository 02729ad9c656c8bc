package fcperm.sandbox.identity;

import java.util.Optional;

/** A RAM user's AccessKey; the secret is only known right after CreateAccessKey. toString masks it. */
public record AccessKey(String accessKeyId, Optional<String> secret, String status, String createDate) {

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", " + status + "]";
    }
}
