import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sandbox start time and the latency of a signed RAM call through the official SDK. Prints figures; asserts nothing.
 * Run it with the command in bench/README.md.
 */
public class SandboxBench {

    private static final int STARTS = 10;
    private static final int WARMUP_CALLS = 300;
    private static final int MEASURED_CALLS = 2000;

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d cores, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        processStart();
        inProcessStarts();
        signedCallLatency();
    }

    /** A new JVM running `fcperm.app.Main sandbox` until it prints its ready line (JVM start included). */
    private static void processStart() throws Exception {
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path dir = Files.createTempDirectory("bench-sandbox");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), "fcperm.app.Main", "sandbox", "--data", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            millis.add((System.nanoTime() - start) / 1e6);
            // CPU time says how much work starting is, whatever else the machine is doing meanwhile
            cpuMillis.add(process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0));
            process.destroy();
            process.waitFor();
            delete(dir);
        }
        System.out.printf("standalone process, launch to ready (fresh data dir): wall %s ms, CPU (user+sys) %s ms%n",
                list(millis), list(cpuMillis));
    }

    private static void inProcessStarts() throws Exception {
        List<Double> fresh = new ArrayList<>();
        List<Double> existing = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            Path dir = Files.createTempDirectory("bench-sandbox");
            long start = System.nanoTime();
            Sandbox first = Sandbox.start(SandboxOptions.of(dir));
            fresh.add((System.nanoTime() - start) / 1e6);
            first.close();
            start = System.nanoTime();
            Sandbox again = Sandbox.start(SandboxOptions.of(dir));
            existing.add((System.nanoTime() - start) / 1e6);
            again.close();
            delete(dir);
        }
        System.out.printf("Sandbox.start in-process, fresh data dir: first (cold JVM) %.1f ms; then median %.1f ms%n",
                fresh.get(0), median(fresh.subList(1, fresh.size())));
        System.out.printf("Sandbox.start in-process, existing data dir: median %.1f ms (all: %s)%n",
                median(existing), list(existing));
    }

    private static void signedCallLatency() throws Exception {
        Path dir = Files.createTempDirectory("bench-sandbox");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dir))) {
            DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(), sandbox.rootCredentials().accessKeyId(),
                    sandbox.rootCredentials().accessKeySecret());
            HttpClientConfig config = HttpClientConfig.getDefault();
            config.setProtocolType(ProtocolType.HTTP);
            profile.setHttpClientConfig(config);
            IAcsClient client = new DefaultAcsClient(profile);
            CreateRoleRequest create = new CreateRoleRequest();
            create.setSysProtocol(ProtocolType.HTTP);
            create.setSysEndpoint(sandbox.endpoints().hostPort());
            create.setRoleName("bench-role");
            create.setAssumeRolePolicyDocument("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}");
            client.getAcsResponse(create);

            List<Double> micros = new ArrayList<>();
            for (int i = 0; i < WARMUP_CALLS + MEASURED_CALLS; i++) {
                GetRoleRequest get = new GetRoleRequest();
                get.setSysProtocol(ProtocolType.HTTP);
                get.setSysEndpoint(sandbox.endpoints().hostPort());
                get.setRoleName("bench-role");
                long start = System.nanoTime();
                client.getAcsResponse(get);
                if (i >= WARMUP_CALLS) {
                    micros.add((System.nanoTime() - start) / 1e3);
                }
            }
            Collections.sort(micros);
            System.out.printf("signed RAM GetRole via aliyun-java-sdk-ram (root key, JSON, %d calls after %d warm-up):"
                            + " median %.2f ms, p90 %.2f ms, p99 %.2f ms%n", MEASURED_CALLS, WARMUP_CALLS,
                    percentile(micros, 50) / 1000, percentile(micros, 90) / 1000, percentile(micros, 99) / 1000);
        } finally {
            delete(dir);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 50);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
