package fcperm.sandbox.auth;

import java.time.Instant;

/** Facts about the request that policy conditions may test ({@code acs:SourceIp}, {@code acs:CurrentTime}, ...). */
public record RequestContext(String sourceIp, boolean secureTransport, Instant time) {
}
