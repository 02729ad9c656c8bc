package fcperm.app;

import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.connection.ConnectionCatalog;
import fcperm.cloud.connection.SandboxFile;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.sandbox.store.DataDirectoryInUseException;
import fcperm.wizard.common.I18n;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --connection C [--endpoints FILE]}, the same for every command that talks to a cloud (a mixin of the
 * command-line parser). C is {@code sandbox} (the embedded sandbox's data folder, started for the command when no
 * sandbox runs on it), {@code sandbox:FILE} (a running sandbox, by its sandbox.json), {@code profile:NAME} (an aliyun
 * CLI profile) or {@code env} (the ALIBABA_CLOUD_* variables). With a sandbox, ALIBABA_CLOUD_ACCESS_KEY_ID and
 * ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN), when set, sign instead of its root key.
 * {@code --endpoints FILE} keeps the connection's keys and sends every call to the endpoints of that sandbox.json.
 */
final class ConnectionOptions {

    @Option(names = "--connection", paramLabel = "C",
            description = "sandbox, sandbox:FILE (a sandbox.json), profile:NAME (an aliyun CLI profile) or env")
    String connection;

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = "a sandbox.json: send every call to its endpoints, signed with the connection's keys")
    Path endpoints;

    /** A connection ready to open, and the sandbox started for it, if any: closing stops that sandbox. */
    record Chosen(Connection connection, Optional<Sandbox> started) implements AutoCloseable {
        @Override
        public void close() {
            started.ifPresent(Sandbox::close);
        }
    }

    /**
     * @throws ParameterException      when C is not one of the four forms, names no profile, or a file is unusable
     * @throws CannotConnect           when the connection is named right but cannot be used (its reason is said)
     */
    Chosen choose(CommandLine command, Main.CommandEnvironment environment) throws CannotConnect {
        if (connection == null) {
            throw new ParameterException(command, "--connection is required: sandbox, sandbox:FILE, profile:NAME or env");
        }
        ConnectionCatalog catalog = new ConnectionCatalog(environment.userHome(), environment.variables());
        Chosen chosen = named(command, environment, catalog);
        if (endpoints != null) {
            chosen = new Chosen(chosen.connection().withEndpoints(sandboxFile(command, endpoints).endpoints()),
                    chosen.started());
        }
        Optional<Credentials.Unusable> unusable = chosen.connection().unusable();
        if (unusable.isPresent()) {
            chosen.close();
            I18n i18n = new I18n(Locale.getDefault());
            throw new CannotConnect(i18n.text(unusable.get().reason(), unusable.get().mode(),
                    chosen.connection().name(), unusable.get().detail()));
        }
        return chosen;
    }

    private Chosen named(CommandLine command, Main.CommandEnvironment environment, ConnectionCatalog catalog)
            throws CannotConnect {
        Optional<Credentials> environmentKey = catalog.environmentKey();
        if (connection.equals("sandbox")) {
            return embedded(environment.home().sandboxData(), environmentKey, command);
        }
        if (connection.startsWith("sandbox:")) {
            SandboxFile file = sandboxFile(command, Path.of(connection.substring("sandbox:".length())));
            return new Chosen(file.connection(environmentKey.orElse(file.rootKey())), Optional.empty());
        }
        if (connection.startsWith("profile:")) {
            String name = connection.substring("profile:".length());
            Optional<Connection> profile;
            try {
                profile = catalog.profile(name);
            } catch (UncheckedIOException e) {
                throw new CannotConnect(e.getCause().getMessage());
            }
            return new Chosen(profile.orElseThrow(() -> new ParameterException(command, "no profile \"" + name
                    + "\" in " + catalog.configFile() + "; `aliyun configure list` lists the profiles")),
                    Optional.empty());
        }
        if (connection.equals("env")) {
            return new Chosen(catalog.environment().orElseThrow(() -> new ParameterException(command,
                    "--connection env needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or an "
                            + "OIDC role or a credentials URI in ALIBABA_CLOUD_* variables")),
                    Optional.empty());
        }
        throw new ParameterException(command, "--connection takes sandbox, sandbox:FILE, profile:NAME or env, not \""
                + connection + "\"");
    }

    /**
     * The sandbox of the app's data folder: started here for the command, or, when a {@code fcperm sandbox} already
     * runs on that folder, reached through the sandbox.json it wrote there.
     */
    private static Chosen embedded(Path dataDir, Optional<Credentials> environmentKey, CommandLine command)
            throws CannotConnect {
        try {
            Sandbox started = Sandbox.start(SandboxOptions.of(dataDir));
            return new Chosen(Composition.connectionTo(started, environmentKey.orElseGet(() ->
                    new Credentials.AccessKey(started.rootCredentials().accessKeyId(),
                            started.rootCredentials().accessKeySecret()))), Optional.of(started));
        } catch (DataDirectoryInUseException e) {
            Path description = dataDir.resolve(SandboxCommand.INFO_FILE);
            if (!Files.isRegularFile(description)) {
                throw new CannotConnect("The sandbox's data folder " + dataDir + " is in use by the app. Close it, or "
                        + "run `fcperm sandbox` and use --connection sandbox:FILE with the sandbox.json it writes.");
            }
            SandboxFile file = sandboxFile(command, description);
            return new Chosen(file.connection(environmentKey.orElse(file.rootKey())), Optional.empty());
        }
    }

    private static SandboxFile sandboxFile(CommandLine command, Path file) {
        try {
            return SandboxFile.read(file);
        } catch (UncheckedIOException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }

    /** The connection is named right but cannot be used; the message says why and what to do. */
    static final class CannotConnect extends Exception {
        CannotConnect(String message) {
            super(message, null, false, false);
        }
    }
}
