import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.Progress;
import fcperm.cloud.session.SdkSession;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the wizard waits for in the cloud layer, against an embedded sandbox: opening a session (GetCallerIdentity),
 * listing roles with their trust (ListRoles pages, then GetRole per role), listing the system policies, listing FC
 * services. Prints figures; asserts nothing. Run it with the command in bench/README.md.
 */
public class CloudBench {

    private static final int ROLES = 300;
    private static final int SERVICES = 150;
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d cores, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("bench-cloud");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dir))) {
            Connection connection = Connection.sandbox(sandbox.region(), new Credentials.AccessKey(
                    sandbox.rootCredentials().accessKeyId(), sandbox.rootCredentials().accessKeySecret()),
                    Endpoints.local(sandbox.endpoints().ram(), sandbox.endpoints()::fc));
            List<Double> opens = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                SdkSession.open(connection).close();
                opens.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf("open a session (GetCallerIdentity, new SDK clients): median %.1f ms of %s%n",
                    median(opens), opens);
            try (CloudSession session = SdkSession.open(connection)) {
                for (int i = 0; i < ROLES; i++) {
                    session.roles().createForFunctionCompute("bench-role-" + i, "");
                }
                for (int i = 0; i < SERVICES; i++) {
                    session.functionCompute(session.defaultRegion()).createService("bench-service-" + i);
                }
                measure("list " + ROLES + " roles with their trust (3 ListRoles pages + " + ROLES + " GetRole)",
                        () -> session.roles().listWithTrust(Progress.NONE, Cancellation.NEVER).size());
                measure("list the system policies (ListPolicies, pages of 100)",
                        () -> session.policies().list(PolicyKind.SYSTEM, Progress.NONE, Cancellation.NEVER).size());
                measure("list " + SERVICES + " FC services (ListServices, pages of 100)",
                        () -> session.functionCompute(session.defaultRegion())
                                .listServices(Progress.NONE, Cancellation.NEVER).size());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private interface Listing {
        int run() throws Exception;
    }

    private static void measure(String what, Listing listing) throws Exception {
        listing.run();
        List<Double> millis = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            items = listing.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("%s: %d items, median %.1f ms of %s%n", what, items, median(millis), millis);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
