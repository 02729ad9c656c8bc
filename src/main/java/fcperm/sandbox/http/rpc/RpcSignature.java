package fcperm.sandbox.http.rpc;

import fcperm.sandbox.auth.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * POP RPC signature v1 (HMAC-SHA1): the sorted, RFC 3986-encoded parameters (all but {@code Signature}),
 * {@code METHOD&%2F&encode(canonical)}, keyed with {@code secret + "&"}.
 */
public final class RpcSignature {

    private RpcSignature() {
    }

    public static String stringToSign(String method, Map<String, String> parameters) {
        StringJoiner canonical = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                canonical.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
    }

    public static String sign(String stringToSign, String secret) {
        return Base64.getEncoder().encodeToString(Hmac.sha1(Hmac.utf8(secret + "&"), stringToSign));
    }

    /** Empty when {@code signature} is right for {@code secret}; else the string to sign the server computed. */
    public static Optional<String> mismatch(String method, Map<String, String> parameters, String signature,
                                            String secret) {
        String stringToSign = stringToSign(method, parameters);
        return Hmac.same(sign(stringToSign, secret), signature) ? Optional.empty() : Optional.of(stringToSign);
    }

    /** RFC 3986: unreserved characters stay, everything else is %XX of its UTF-8 bytes (space is %20). */
    public static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
