package fcperm.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.sandbox.OwnerOnlyFile;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxEndpoints;
import fcperm.sandbox.SandboxOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...}: runs the sandbox alone until the
 * process is stopped (SIGTERM / Ctrl-C close it cleanly). Once it serves requests it writes {@code DIR/sandbox.json}
 * (mode 0600) and prints one line without secrets. Names, flags and the file's fields are a stable contract.
 */
final class SandboxCommand {

    static final String INFO_FILE = "sandbox.json";

    /** Parsed command line. */
    record Arguments(int port, Path dataDir, String region, List<String> fcRegions) {
    }

    private SandboxCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage());
            err.println("usage: fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...");
            return 2;
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(SandboxOptions.of(arguments.dataDir())
                    .withPort(arguments.port()).withRegion(arguments.region()));
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
            OwnerOnlyFile.write(arguments.dataDir().resolve(INFO_FILE), describe(sandbox, arguments.fcRegions()));
        } catch (IOException e) {
            err.println("sandbox: cannot write " + arguments.dataDir().resolve(INFO_FILE) + ": " + e.getMessage());
            return 1;
        }
        out.println("sandbox ready: account " + sandbox.accountId() + " at " + sandbox.endpoints().ram()
                + " (region " + sandbox.region() + "); details in " + arguments.dataDir().resolve(INFO_FILE));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static Arguments parse(String[] args) {
        int port = 0;
        Path dataDir = defaultDataDir();
        String region = SandboxOptions.DEFAULT_REGION;
        List<String> fcRegions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = port(value);
                case "--data" -> dataDir = Path.of(value);
                case "--region" -> region = value;
                case "--fc-region" -> fcRegions.add(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new Arguments(port, dataDir, region, fcRegions);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + value);
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
