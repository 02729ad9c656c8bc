package fcperm.sandbox.http;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded Jetty server, on loopback only. The main listener serves every service for the default region.
 * Because a client that overrides the FC endpoint no longer says which region it means, each further region gets its
 * own loopback listener, opened on demand ({@link #openRegion}); requests are tagged with the region of the listener
 * they arrived on.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Jetty's default compliance plus the path forms that OSS object keys take ("a//b", "a/../b", "100%", "back\\slash"
     * are keys, not paths to refuse or normalize); OssWire decodes the raw path itself.
     */
    private static final UriCompliance OBJECT_KEYS = UriCompliance.DEFAULT.with("OSS_OBJECT_KEYS",
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

    private final Server server;
    private final String defaultRegion;
    private final Map<String, ServerConnector> listenersByRegion = new ConcurrentHashMap<>();
    private final Map<Integer, String> regionsByPort = new ConcurrentHashMap<>();

    private SandboxServer(String defaultRegion) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("sandbox-http");
        this.server = new Server(threads);
        this.server.setHandler(new Handler.Wrapper(true));
        this.defaultRegion = defaultRegion;
    }

    /**
     * Starts listening on {@code port} (0 = a free port) on loopback. Until {@link #serve} hands it the pipeline it
     * answers 404; starting the listener apart from the pipeline lets it come up while the store opens.
     */
    public static SandboxServer start(int port, String defaultRegion) throws Exception {
        SandboxServer sandboxServer = new SandboxServer(defaultRegion);
        ServerConnector main = sandboxServer.connector(port);
        sandboxServer.server.addConnector(main);
        try {
            sandboxServer.server.start();
        } catch (Exception e) {
            sandboxServer.server.stop();
            throw e;
        }
        sandboxServer.listenersByRegion.put(defaultRegion, main);
        sandboxServer.regionsByPort.put(main.getLocalPort(), defaultRegion);
        return sandboxServer;
    }

    /** From now on every request goes through {@code pipeline}. */
    public void serve(RequestPipeline pipeline) {
        ((Handler.Wrapper) server.getHandler()).setHandler(pipeline);
    }

    private ServerConnector connector(int port) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        config.setUriCompliance(OBJECT_KEYS);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        return connector;
    }

    /** The base URL of the main listener (default region). */
    public URI baseUri() {
        return uriOf(listenersByRegion.get(defaultRegion));
    }

    /** The base URL of the listener for {@code region}, opening one on a free port the first time. */
    public synchronized URI openRegion(String region) {
        ServerConnector existing = listenersByRegion.get(region);
        if (existing != null) {
            return uriOf(existing);
        }
        ServerConnector connector = connector(0);
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            server.removeConnector(connector);
            throw new IllegalStateException("cannot open a listener for region " + region, e);
        }
        regionsByPort.put(connector.getLocalPort(), region);
        listenersByRegion.put(region, connector);
        return uriOf(connector);
    }

    /** The region a request is for: that of the listener it arrived on. */
    public String regionOf(Request request) {
        return regionsByPort.getOrDefault(Request.getLocalPort(request), defaultRegion);
    }

    private static URI uriOf(ServerConnector connector) {
        return URI.create("http://" + LOOPBACK + ":" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
