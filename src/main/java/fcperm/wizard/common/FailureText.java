package fcperm.wizard.common;

import fcperm.cloud.CloudException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Turns a failure into the sentence a person can act on. Cloud failures already carry such a sentence
 * ({@link CloudException#userMessage()}); anything else is a bug or an I/O problem and says so.
 */
public record FailureText(String reason, String details) {

    public static FailureText of(Throwable failure, I18n i18n) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CloudException cloud) {
            return new FailureText(cloud.userMessage(), cloud.technicalDetails());
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return new FailureText(i18n.text("failure.io", Objects.toString(cause.getMessage(), "")),
                    cause.getClass().getName());
        }
        return new FailureText(i18n.text("failure.unexpected", cause.getClass().getSimpleName(),
                Objects.toString(cause.getMessage(), "")), cause.getClass().getName());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.util.concurrent.CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
