package fcperm.sandbox.ram;

import fcperm.sandbox.protocol.ApiError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Paging markers: the opaque form of the name the next page starts at. */
final class Markers {

    private Markers() {
    }

    static String encode(String nextName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nextName.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "InvalidParameter.Marker", "The parameter - Marker is not valid: " + marker);
        }
    }
}
