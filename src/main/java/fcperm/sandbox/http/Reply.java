package fcperm.sandbox.http;

import org.eclipse.jetty.server.Response;

import java.io.IOException;

/** An operation's result, ready to be written in its wire style's envelope (blocking; it may stream a body). */
@FunctionalInterface
public interface Reply {

    void write(String requestId, Response response) throws IOException;
}
