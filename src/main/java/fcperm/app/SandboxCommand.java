package fcperm.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.sandbox.OwnerOnlyFile;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxEndpoints;
import fcperm.sandbox.SandboxOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...}: runs the sandbox alone until the
 * process is stopped (SIGTERM / Ctrl-C close it cleanly). Once it serves requests it writes {@code DIR/sandbox.json}
 * (mode 0600) and prints one line without secrets. Names, flags and the file's fields are a stable contract.
 */
@Command(name = "sandbox", synopsisHeading = "", descriptionHeading = "%n", customSynopsis =
        "usage: fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...",
        description = "Run the embedded sandbox alone until the process is stopped; its endpoints and root key are "
                + "written to DIR/sandbox.json (readable by its owner only).")
final class SandboxCommand implements Callable<Integer> {

    static final String INFO_FILE = "sandbox.json";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--port", paramLabel = "P", description = "the port to listen on; 0 (the default) for a free one")
    String port = "0";

    @Option(names = "--data", paramLabel = "DIR", description = "the data folder (default ~/.fcperm/sandbox)")
    Path dataDir = defaultDataDir();

    @Option(names = "--region", paramLabel = "R", description = "the default region (default cn-hangzhou)")
    String region = SandboxOptions.DEFAULT_REGION;

    @Option(names = "--fc-region", paramLabel = "R", description = "another region whose FC gets a listener of its own")
    List<String> fcRegions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    SandboxCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int listenOn = port(spec.commandLine(), port);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(SandboxOptions.of(dataDir).withPort(listenOn).withRegion(region));
        } catch (RuntimeException e) {
            err.println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        try {
            OwnerOnlyFile.write(dataDir.resolve(INFO_FILE), describe(sandbox, fcRegions));
        } catch (IOException e) {
            err.println("sandbox: cannot write " + dataDir.resolve(INFO_FILE) + ": " + e.getMessage());
            return 1;
        }
        out.println("sandbox ready: account " + sandbox.accountId() + " at " + sandbox.endpoints().ram()
                + " (region " + sandbox.region() + "); details in " + dataDir.resolve(INFO_FILE));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int port(CommandLine command, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new ParameterException(command, "--port must be 0..65535: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ParameterException(command, "--port must be a number: " + value);
        }
    }

    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".fcperm", "sandbox");
    }

    /** The sandbox.json contract; {@code fcRegions} is present only when other regions were asked for. */
    static String describe(Sandbox sandbox, List<String> fcRegions) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode info = json.createObjectNode();
        SandboxEndpoints endpoints = sandbox.endpoints();
        info.put("accountId", sandbox.accountId());
        info.put("region", sandbox.region());
        ObjectNode urls = info.putObject("endpoints");
        urls.put("ram", endpoints.ram().toString());
        urls.put("sts", endpoints.sts().toString());
        urls.put("resourcemanager", endpoints.resourceManager().toString());
        urls.put("oss", endpoints.oss().toString());
        urls.put("fc", endpoints.fc().toString());
        info.put("rootAccessKeyId", sandbox.rootCredentials().accessKeyId());
        info.put("rootAccessKeySecret", sandbox.rootCredentials().accessKeySecret());
        if (!fcRegions.isEmpty()) {
            ObjectNode regions = info.putObject("fcRegions");
            for (String region : fcRegions) {
                regions.put(region, endpoints.fc(region).toString());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n";
    }
}
