import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.request.UpdateFunctionRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import fcperm.probe.ProbePackage;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data plane under the official SDKs: cold and warm invocation latency of the OSS probe (a cold invocation starts
 * a child JVM; the probe then writes an object through OSS with the role's STS credentials), and PutObject
 * throughput for small objects from 8 threads. Prints figures; asserts nothing. Command in bench/README.md.
 */
public class DataPlaneBench {

    private static final int COLD_SAMPLES = 5;
    private static final int WARM_SAMPLES = 50;
    private static final int PUT_THREADS = 8;
    private static final int PUTS_PER_THREAD = 250;
    private static final int OBJECT_BYTES = 1024;

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d cores, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory("bench-data-plane");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dir))) {
            String endpoint = sandbox.endpoints().oss().toString();
            ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
            conf.setMaxConnections(64);
            OSS oss = new OSSClientBuilder().build(endpoint, sandbox.rootCredentials().accessKeyId(),
                    sandbox.rootCredentials().accessKeySecret(), conf);
            oss.createBucket("bench");
            FunctionComputeClient fc = fc(sandbox);
            prepareProbe(sandbox, fc);
            probeLatency(sandbox, fc);
            putThroughput(oss);
            oss.shutdown();
        }
    }

    private static FunctionComputeClient fc(Sandbox sandbox) {
        Config config = new Config(sandbox.region(), sandbox.accountId(), sandbox.rootCredentials().accessKeyId(),
                sandbox.rootCredentials().accessKeySecret(), null, false);
        config.setEndpoint(sandbox.endpoints().fc().toString());
        return new FunctionComputeClient(config);
    }

    private static void prepareProbe(Sandbox sandbox, FunctionComputeClient fc) throws Exception {
        DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(), sandbox.rootCredentials().accessKeyId(),
                sandbox.rootCredentials().accessKeySecret());
        HttpClientConfig http = HttpClientConfig.getDefault();
        http.setProtocolType(ProtocolType.HTTP);
        profile.setHttpClientConfig(http);
        IAcsClient ram = new DefaultAcsClient(profile);
        CreateRoleRequest role = new CreateRoleRequest();
        role.setSysProtocol(ProtocolType.HTTP);
        role.setSysEndpoint(sandbox.endpoints().hostPort());
        role.setRoleName("bench-probe");
        role.setAssumeRolePolicyDocument("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}");
        ram.getAcsResponse(role);
        AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
        attach.setSysProtocol(ProtocolType.HTTP);
        attach.setSysEndpoint(sandbox.endpoints().hostPort());
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunOSSFullAccess");
        attach.setRoleName("bench-probe");
        ram.getAcsResponse(attach);
        CreateServiceRequest service = new CreateServiceRequest();
        service.setServiceName("bench");
        service.setRole("acs:ram::" + sandbox.accountId() + ":role/bench-probe");
        fc.createService(service);
        fc.createFunction(new CreateFunctionRequest("bench").setFunctionName("probe").setRuntime("java11")
                .setHandler(ProbePackage.HANDLER).setMemorySize(256).setTimeout(60)
                .setCode(new Code().setZipFile(ProbePackage.build())));
    }

    private static void probeLatency(Sandbox sandbox, FunctionComputeClient fc) throws Exception {
        byte[] event = ("{\"endpoint\":\"" + sandbox.endpoints().oss() + "\",\"bucket\":\"bench\",\"objectName\":\"probe\","
                + "\"message\":\"hello\"}").getBytes(StandardCharsets.UTF_8);
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < COLD_SAMPLES; i++) {
            // a changed environment is a new function spec: the next invocation starts a fresh instance
            UpdateFunctionRequest update = new UpdateFunctionRequest("bench", "probe");
            update.setEnvironmentVariables(Map.of("SAMPLE", Integer.toString(i)));
            fc.updateFunction(update);
            cold.add(invoke(fc, event));
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < WARM_SAMPLES; i++) {
            warm.add(invoke(fc, event));
        }
        System.out.printf("probe invocation, cold (new child JVM + OSS put): median %.0f ms, samples %s%n", median(cold), round(cold));
        System.out.printf("probe invocation, warm (OSS put with STS credentials): median %.1f ms, p90 %.1f ms over %d%n",
                median(warm), percentile(warm, 0.9), WARM_SAMPLES);
    }

    private static double invoke(FunctionComputeClient fc, byte[] event) {
        InvokeFunctionRequest request = new InvokeFunctionRequest("bench", "probe");
        request.setPayload(event);
        long start = System.nanoTime();
        InvokeFunctionResponse response = fc.invokeFunction(request);
        double millis = (System.nanoTime() - start) / 1e6;
        String result = new String(response.getPayload(), StandardCharsets.UTF_8);
        if (!result.contains("\"ok\":true")) {
            throw new IllegalStateException("the probe failed: " + result);
        }
        return millis;
    }

    private static void putThroughput(OSS oss) throws Exception {
        byte[] body = new byte[OBJECT_BYTES];
        ExecutorService pool = Executors.newFixedThreadPool(PUT_THREADS);
        for (int warmup = 0; warmup < 50; warmup++) {
            oss.putObject("bench", "warmup/" + warmup, new ByteArrayInputStream(body));
        }
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < PUT_THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < PUTS_PER_THREAD; i++) {
                    oss.putObject("bench", "t" + thread + "/" + i, new ByteArrayInputStream(body));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int total = PUT_THREADS * PUTS_PER_THREAD;
        System.out.printf("PutObject, %d threads x %d objects of %d B: %.0f objects/s (%.2f s; each put is fsynced)%n",
                PUT_THREADS, PUTS_PER_THREAD, OBJECT_BYTES, total / seconds, seconds);
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static List<Long> round(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
