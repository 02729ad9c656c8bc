package fcperm.testkit;

import fcperm.cloud.CloudException;
import org.assertj.core.api.ThrowableAssert;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A watch on secrets for one test class: every secret the class handles is registered, everything printed while the
 * class runs (the sandbox's request log, SDK warnings, our own logs) is captured, and at the end none of the secrets
 * may appear in it, nor in any {@link CloudException} the class met through {@link #fails}.
 * Made by {@link TestSandbox#watchingSecrets()}.
 */
public final class SecretWatch {

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder failureTexts = new StringBuilder();
    private PrintStream originalOut;
    private PrintStream originalErr;

    SecretWatch() {
    }

    void start() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
    }

    void stopAndCheck() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).as("the class printed something").isNotEmpty();
        for (String secret : secrets) {
            assertThat(output).as("a secret was printed").doesNotContain(secret);
            assertThat(failureTexts.toString()).as("a secret is in an error message").doesNotContain(secret);
        }
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (printed) {
                    printed.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** Registers a secret that must never be printed nor appear in an error; returns it. */
    public String secret(String value) {
        secrets.add(value);
        return value;
    }

    /** Runs {@code call}, expecting a CloudException with {@code code}; keeps its texts for the secret check. */
    public CloudException fails(String code, ThrowableAssert.ThrowingCallable call) {
        CloudException error = catchThrowableOfType(CloudException.class, call);
        assertThat(error).as("expected CloudException " + code).isNotNull();
        synchronized (failureTexts) {
            failureTexts.append(error.getMessage()).append('\n').append(error).append('\n')
                    .append(error.technicalDetails()).append('\n');
        }
        assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
        return error;
    }
}
