package fcperm.sandbox.runtime.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What one invocation wrote: the context logger's lines and anything the function printed to stdout or stderr,
 * in the order written, as FC collects them for {@code X-Fc-Log-Result}.
 */
final class InvocationLog {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            synchronized (buffer) {
                buffer.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (buffer) {
                buffer.write(bytes, offset, length);
            }
        }
    }, true, StandardCharsets.UTF_8);

    PrintStream stream() {
        return stream;
    }

    void line(String requestId, String level, String message) {
        stream.println(Instant.now() + " " + requestId + " [" + level + "] " + message);
    }

    byte[] takeBytes() {
        stream.flush();
        synchronized (buffer) {
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        }
    }
}
