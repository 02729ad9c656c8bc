package fcperm.sandbox.fc;

import fcperm.sandbox.http.fc.FcErrors;
import java.util.Set;
import java.util.regex.Pattern;

/** FC 2.0's rules for names and settings, checked before anything is stored. */
final class FcNames {

    /** Letters, digits, underscores and hyphens; not starting with a digit or hyphen; 1–128 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
    private static final Pattern JAVA_HANDLER = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*::[A-Za-z_$][\\w$]*");
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Set<String> SUPPORTED_RUNTIMES = Set.of("java8", "java11");
    /** Runtimes FC knows but the sandbox does not run. */
    private static final Pattern OTHER_FC_RUNTIME = Pattern.compile(
            "python2\\.7|python3(\\.\\d+)?|nodejs\\d+|php7\\.2|dotnetcore\\d\\.\\d|go1|custom(\\.debian\\d+)?|custom-container");
    static final int MAX_DESCRIPTION = 256;
    static final int MIN_MEMORY_MB = 128;
    static final int MAX_MEMORY_MB = 32768;
    static final int MAX_TIMEOUT_SECONDS = 86400;
    /** FC's limit for a zip uploaded inline (base64 in the request body). */
    static final int MAX_CODE_BYTES = 50 * 1024 * 1024;

    private FcNames() {
    }

    static void requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw FcErrors.invalidArgument(what + " is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw FcErrors.invalidArgument(what + " '" + name + "' is invalid: use 1 to 128 letters, digits, underscores"
                    + " or hyphens, not starting with a digit or a hyphen");
        }
    }

    static void requireDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw FcErrors.invalidArgument("description is longer than " + MAX_DESCRIPTION + " characters");
        }
    }

    static void requireRuntime(String runtime) {
        if (SUPPORTED_RUNTIMES.contains(runtime)) {
            return;
        }
        if (OTHER_FC_RUNTIME.matcher(runtime).matches()) {
            throw FcErrors.unsupportedRuntime(runtime);
        }
        throw FcErrors.invalidArgument("runtime '" + runtime + "' is not valid");
    }

    static void requireHandler(String handler) {
        if (!JAVA_HANDLER.matcher(handler).matches()) {
            throw FcErrors.invalidArgument("handler '" + handler + "' is invalid: a Java handler is package.Class::method,"
                    + " e.g. example.App::handleRequest");
        }
    }

    static void requireMemory(int memoryMb) {
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB || memoryMb % 64 != 0) {
            throw FcErrors.invalidArgument("memorySize " + memoryMb + " is invalid: a multiple of 64 from "
                    + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB + " MB");
        }
    }

    static void requireTimeout(int seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw FcErrors.invalidArgument("timeout " + seconds + " is invalid: from 1 to " + MAX_TIMEOUT_SECONDS + " seconds");
        }
    }

    static void requireEnvironmentKey(String key) {
        if (!ENVIRONMENT_KEY.matcher(key).matches()) {
            throw FcErrors.invalidArgument("environment variable name '" + key + "' is invalid");
        }
    }

    static void requireZip(byte[] code) {
        if (code.length > MAX_CODE_BYTES) {
            throw FcErrors.entityTooLarge("the code package is " + code.length + " bytes; the limit for an inline zip is "
                    + MAX_CODE_BYTES + " bytes");
        }
        if (code.length < 4 || code[0] != 'P' || code[1] != 'K') {
            throw FcErrors.invalidArgument("code.zipFile is not a zip archive");
        }
    }
}
