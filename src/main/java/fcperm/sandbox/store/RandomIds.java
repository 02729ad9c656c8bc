package fcperm.sandbox.store;

import java.security.SecureRandom;

/** Identifiers and secrets in the formats the cloud uses, from a cryptographic random source. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DIGITS = "0123456789";

    private RandomIds() {
    }

    /** A 16-digit account id (no leading zero). */
    public static String accountId() {
        return (1 + RANDOM.nextInt(9)) + from(DIGITS, 15);
    }

    /** A numeric id like RAM's RoleId/UserId (a leading non-zero digit). */
    public static String numericId(int length) {
        return (1 + RANDOM.nextInt(9)) + from(DIGITS, length - 1);
    }

    /** A long-term AccessKeyId: "LTAI" + 20 letters/digits (24 in all, as issued today). */
    public static String accessKeyId() {
        return "LTAI" + from(ALNUM, 20);
    }

    /** An AccessKey secret: 30 letters/digits. */
    public static String accessKeySecret() {
        return from(ALNUM, 30);
    }

    /** A resource group id: "rg-" + 15 lower-case letters/digits. */
    public static String resourceGroupId() {
        return "rg-" + from(LOWER_ALNUM, 15);
    }

    /** Random letters and digits. */
    public static String alphanumeric(int length) {
        return from(ALNUM, length);
    }

    /** Upper-case hex, e.g. for request ids. */
    public static String hex(int length) {
        return from("0123456789ABCDEF", length);
    }

    private static String from(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
