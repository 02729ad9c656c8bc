package fcperm.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Identity;
import fcperm.cloud.ServiceEndpoints;
import fcperm.cloud.session.SdkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fcperm whoami --connection C [--endpoints FILE] [--json]}: connects and says who the connection acts as (STS
 * GetCallerIdentity), how it gets its keys and when the key in use expires. Never a secret. Exit 0 when connected, 1
 * when the connection cannot be used or the cloud refuses it, 2 for bad usage. The JSON fields are a stable contract.
 */
@Command(name = "whoami", synopsisHeading = "", descriptionHeading = "%n", customSynopsis =
        "usage: fcperm whoami --connection C [--endpoints FILE] [--json]",
        description = "Say who a connection acts as: its mode, account, principal and the expiry of its key.")
final class WhoamiCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Main.CommandEnvironment environment;

    WhoamiCommand(PrintStream out, PrintStream err, Main.CommandEnvironment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (ConnectionOptions.Chosen chosen = connection.choose(spec.commandLine(), environment);
             CloudSession session = SdkSession.open(chosen.connection())) {
            out.println(json ? asJson(session) : asText(session));
            return 0;
        } catch (ConnectionOptions.CannotConnect e) {
            err.println("whoami: " + e.getMessage());
            return 1;
        } catch (CloudException e) {
            err.println("whoami: " + e.getMessage());
            return 1;
        }
    }

    private String asText(CloudSession session) {
        Identity identity = session.identity();
        List<String> lines = new ArrayList<>();
        lines.add("Connection: " + connection.connection);
        lines.add("Mode:       " + session.mode());
        lines.add("Account:    " + identity.accountId());
        lines.add("Principal:  " + identity.principalType() + " " + identity.arn());
        lines.add("Expires:    " + session.keyExpiry().map(Object::toString).orElse("never (a long-term AccessKey)"));
        lines.add("STS:        " + session.endpoints().sts());
        return String.join(System.lineSeparator(), lines);
    }

    private String asJson(CloudSession session) {
        Identity identity = session.identity();
        ObjectNode root = JSON.createObjectNode();
        root.put("connection", connection.connection);
        root.put("mode", session.mode());
        root.put("accountId", identity.accountId());
        root.put("principalType", identity.principalType());
        root.put("arn", identity.arn());
        root.put("principalId", identity.principalId());
        root.put("expiration", session.keyExpiry().map(Object::toString).orElse(null));
        ServiceEndpoints endpoints = session.endpoints();
        ObjectNode urls = root.putObject("endpoints");
        urls.put("ram", endpoints.ram().toString());
        urls.put("sts", endpoints.sts().toString());
        urls.put("resourcemanager", endpoints.resourceManager().toString());
        urls.put("fc", endpoints.fc().toString());
        urls.put("oss", endpoints.oss().toString());
        return root.toString();
    }
}
