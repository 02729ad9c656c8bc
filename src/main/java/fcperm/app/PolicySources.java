package fcperm.app;

import fcperm.policy.catalog.SystemPolicy;
import fcperm.policy.catalog.SystemPolicyCatalog;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.parse.ParseResult;
import fcperm.policy.parse.PolicyParser;
import fcperm.policy.parse.PolicyProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@code policy} command gets documents: a file, or (for attached policies) the name of a system policy
 * such as {@code AliyunOSSFullAccess} when no file of that name exists.
 */
final class PolicySources {

    /** A document and how the output names it (the file as given, or the system policy's name). */
    record Named(String name, String versionId, PolicyDocument document) {
    }

    /** The argument is neither a readable file nor a system policy: bad usage. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The file holds an invalid policy; {@code lines} are its errors as FILE:line:column: ... */
    static final class Invalid extends Exception {
        final List<String> lines;

        Invalid(String file, List<PolicyProblem> errors) {
            super(file + " is not a valid policy", null, false, false);
            this.lines = errors.stream().map(error -> located(file, error)).toList();
        }
    }

    private PolicySources() {
    }

    /** {@code FILE:line:column: Category: message (at $.path)}. */
    static String located(String file, PolicyProblem problem) {
        return file + ":" + problem.describe();
    }

    /** A policy to attach: a file, else a system policy of that name. */
    static Named attachable(String fileOrName) throws Unreadable, Invalid {
        if (!Files.exists(Path.of(fileOrName))) {
            Optional<SystemPolicy> system = SystemPolicyCatalog.load().get(fileOrName);
            if (system.isPresent()) {
                return new Named(system.get().name(), system.get().defaultVersion(), system.get().document());
            }
            throw new Unreadable("cannot read " + fileOrName + ": no such file, nor a system policy of that name");
        }
        return file(fileOrName, PolicyParser.Kind.PERMISSION);
    }

    /** A policy read from a file and checked as {@code kind}. */
    static Named file(String file, PolicyParser.Kind kind) throws Unreadable, Invalid {
        ParseResult parsed = PolicyParser.parse(read(file), kind);
        if (!parsed.valid()) {
            throw new Invalid(file, parsed.errors());
        }
        return new Named(file, "", parsed.orThrow());
    }

    /** The text of {@code file} (UTF-8, a leading byte order mark dropped). */
    static String read(String file) throws Unreadable {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot read " + file + ": " + describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
