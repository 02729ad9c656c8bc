package fcperm.sandbox;

import fcperm.sandbox.http.SandboxServer;

import java.net.URI;

/**
 * Base URLs of the emulated services. They share one loopback listener (requests are told apart by their shape);
 * FC of a region other than the default gets a listener of its own, opened on first use by {@link #fc(String)}.
 * The Java RPC core wants {@code host:port} without a scheme: {@link #hostPort()}.
 */
public final class SandboxEndpoints {

    private final SandboxServer server;
    private final String defaultRegion;

    SandboxEndpoints(SandboxServer server, String defaultRegion) {
        this.server = server;
        this.defaultRegion = defaultRegion;
    }

    public URI ram() {
        return server.baseUri();
    }

    public URI sts() {
        return server.baseUri();
    }

    public URI resourceManager() {
        return server.baseUri();
    }

    public URI oss() {
        return server.baseUri();
    }

    /** FC 2.0 of the default region. */
    public URI fc() {
        return server.baseUri();
    }

    /** FC 2.0 of {@code region}: the main listener for the default region, else that region's own listener. */
    public URI fc(String region) {
        return region.equals(defaultRegion) ? server.baseUri() : server.openRegion(region);
    }

    /** {@code 127.0.0.1:port} of the main listener, the form the Java RPC core's endpoint overrides take. */
    public String hostPort() {
        URI base = server.baseUri();
        return base.getHost() + ":" + base.getPort();
    }

    @Override
    public String toString() {
        return "SandboxEndpoints[" + server.baseUri() + ", region " + defaultRegion + "]";
    }
}
