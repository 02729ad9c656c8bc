package fcperm.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hashes the cloud's signatures are made of (RPC v1 and OSS V1: SHA-1; FC and OSS V4: SHA-256). */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha1(byte[] key, String data) {
        return compute("HmacSHA1", key, data);
    }

    public static byte[] sha256(byte[] key, String data) {
        return compute("HmacSHA256", key, data);
    }

    /** Whether two signatures (or tokens) are the same, in time that does not depend on where they differ. */
    public static boolean same(String expected, String provided) {
        return MessageDigest.isEqual(utf8(expected), utf8(provided));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] compute(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
