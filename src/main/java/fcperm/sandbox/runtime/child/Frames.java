package fcperm.sandbox.runtime.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The framing between the sandbox and a function instance (a child JVM), over the child's stdin and stdout.
 * Loaded on both sides, so it depends on nothing but the JDK.
 *
 * <pre>
 * request  = utf(requestId) utf(accessKeyId) utf(accessKeySecret) utf(securityToken) bytes(payload)
 * response = byte(status) bytes(output | error JSON) bytes(log) int(maxMemoryMb)
 * bytes    = int(length) byte[length]
 * </pre>
 * Credentials travel in the frame, never in the command line or the environment, so no other process sees them.
 */
public final class Frames {

    public static final byte OK = 0;
    public static final byte FUNCTION_ERROR = 1;

    /** Written once by the child when the handler is loaded and it can take requests. */
    public static final int READY = 0x46435244; // "FCRD"

    private Frames() {
    }

    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative frame length " + length);
        }
        return in.readNBytes(length);
    }

    /** A JSON string literal; the child has no JSON library of its own. */
    public static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
