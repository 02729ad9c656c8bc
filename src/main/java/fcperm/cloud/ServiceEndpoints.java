package fcperm.cloud;

import java.net.URI;

/** The endpoints a session uses, FC and OSS those of its default region: what the user is shown. */
public record ServiceEndpoints(URI ram, URI sts, URI resourceManager, URI fc, URI oss) {
}
