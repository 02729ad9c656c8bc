import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.probe.ProbePackage;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Talks to a running sandbox the way a user's own program would: the official SDKs, signing with the account's root
 * AccessKey read from the sandbox's data directory ({@code credentials}; the endpoints from {@code sandbox.json}).
 * installer/check-linux.sh runs it with the system {@code java} and the installed package's jars on the classpath:
 * <pre>java --add-opens java.base/java.lang=ALL-UNNAMED -cp 'APP/lib/app/*' installer/SignedRequest.java DATA [--test-function]</pre>
 * It checks that STS GetCallerIdentity answers a correctly signed request with the root identity and refuses one
 * signed with a wrong secret; with {@code --test-function} it also does what the wizard's Test Function step does
 * (deploy the OSS probe under a role allowed to write one bucket, invoke it, read the object back), which makes the
 * sandbox start a child JVM. One line per check; exit status 0 only if all passed. Never prints a secret.
 */
public final class SignedRequest {

    private static final String FC_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode info;
    private final String accountId;
    private final String keyId;
    private final String keySecret;

    private SignedRequest(JsonNode info, Properties credentials) {
        this.info = info;
        this.accountId = credentials.getProperty("account_id");
        this.keyId = credentials.getProperty("access_key_id");
        this.keySecret = credentials.getProperty("access_key_secret");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--test-function"))) {
            System.err.println("usage: java -cp 'APP/lib/app/*' installer/SignedRequest.java SANDBOX_DATA_DIR [--test-function]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("credentials"), StandardCharsets.UTF_8)) {
            credentials.load(in);
        }
        SignedRequest client = new SignedRequest(JSON.readTree(data.resolve("sandbox.json").toFile()), credentials);
        boolean ok = client.callerIdentity() & client.wrongSecretRefused();
        if (args.length == 2) {
            ok &= client.testFunction();
        }
        System.exit(ok ? 0 : 1);
    }

    private String endpoint(String service) {
        return info.path("endpoints").path(service).asText();
    }

    /** The RPC SDK wants host:port without a scheme, and plain HTTP set on every request. */
    private <R extends AcsRequest<?>> R local(R request, String service) {
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysEndpoint(URI.create(endpoint(service)).getAuthority());
        return request;
    }

    private IAcsClient rpcClient(String secret) {
        DefaultProfile profile = DefaultProfile.getProfile(info.path("region").asText(), keyId, secret);
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setProtocolType(ProtocolType.HTTP);
        profile.setHttpClientConfig(config);
        return new DefaultAcsClient(profile);
    }

    private boolean callerIdentity() {
        try {
            GetCallerIdentityResponse identity = rpcClient(keySecret)
                    .getAcsResponse(local(new GetCallerIdentityRequest(), "sts"));
            boolean ok = accountId.equals(identity.getAccountId())
                    && ("acs:ram::" + accountId + ":root").equals(identity.getArn());
            return report(ok, "signed request: STS GetCallerIdentity -> account " + identity.getAccountId()
                    + ", " + identity.getArn() + " (request id " + identity.getRequestId() + ")");
        } catch (ClientException e) {
            return report(false, "signed request: STS GetCallerIdentity failed: " + e.getErrCode() + " " + e.getErrMsg());
        }
    }

    private boolean wrongSecretRefused() {
        try {
            rpcClient(keySecret + "x").getAcsResponse(local(new GetCallerIdentityRequest(), "sts"));
            return report(false, "bad signature: a request signed with a wrong secret was accepted");
        } catch (ClientException e) {
            // The SDK reports the server's SignatureDoesNotMatch as SDK.InvalidAccessKeySecret when the server's
            // string-to-sign equals its own, i.e. only the key was wrong.
            boolean refused = "SignatureDoesNotMatch".equals(e.getErrCode())
                    || "SDK.InvalidAccessKeySecret".equals(e.getErrCode());
            return report(refused, "bad signature: STS refused a request signed with a wrong secret: " + e.getErrCode());
        }
    }

    /** The wizard's Test Function step by hand: a role FC may assume, allowed to write one bucket; the probe. */
    private boolean testFunction() throws IOException {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String bucket = "check-" + suffix;
        String role = "check-writer-" + suffix;
        String service = "check-" + suffix;
        IAcsClient ram = rpcClient(keySecret);
        ClientBuilderConfiguration ossConfig = new ClientBuilderConfiguration();
        ossConfig.setMaxErrorRetry(0);
        OSS oss = new OSSClientBuilder().build(endpoint("oss"), keyId, keySecret, ossConfig);
        try {
            oss.createBucket(bucket);
            CreateRoleRequest createRole = local(new CreateRoleRequest(), "ram");
            createRole.setRoleName(role);
            createRole.setAssumeRolePolicyDocument(FC_TRUST);
            call(ram, createRole);
            AttachPolicyToRoleRequest attach = local(new AttachPolicyToRoleRequest(), "ram");
            attach.setPolicyType("System");
            attach.setPolicyName("AliyunOSSFullAccess");
            attach.setRoleName(role);
            call(ram, attach);

            Config config = new Config(info.path("region").asText(), accountId, keyId, keySecret, null, false);
            config.setEndpoint(endpoint("fc"));
            FunctionComputeClient fc = new FunctionComputeClient(config);
            CreateServiceRequest createService = new CreateServiceRequest();
            createService.setServiceName(service);
            createService.setRole("acs:ram::" + accountId + ":role/" + role);
            fc.createService(createService);
            fc.createFunction(new CreateFunctionRequest(service).setFunctionName("oss-probe").setRuntime("java11")
                    .setHandler(ProbePackage.HANDLER).setMemorySize(256).setTimeout(60)
                    .setCode(new Code().setZipFile(ProbePackage.build())));

            String message = "written by the probe " + suffix;
            InvokeFunctionRequest invoke = new InvokeFunctionRequest(service, "oss-probe");
            invoke.setPayload(JSON.writeValueAsBytes(Map.of("endpoint", endpoint("oss"), "bucket", bucket,
                    "objectName", "probe.txt", "message", message)));
            long started = System.nanoTime();
            InvokeFunctionResponse response = fc.invokeFunction(invoke);
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonNode result = JSON.readTree(response.getPayload());
            if (response.getHeader("X-Fc-Error-Type") != null || !result.path("ok").asBoolean()) {
                return report(false, "test function: the probe failed: " + result.path("errorCode").asText()
                        + " " + result.path("errorMessage").asText());
            }
            String readBack;
            try (var in = oss.getObject(bucket, "probe.txt").getObjectContent()) {
                readBack = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return report(message.equals(readBack), "test function: the probe (a child JVM) wrote oss://" + bucket
                    + "/probe.txt with STS credentials of role " + role + " in " + millis + " ms; read back "
                    + (message.equals(readBack) ? "the same text" : "different text"));
        } catch (ClientException | com.aliyuncs.fc.exceptions.ClientException | com.aliyun.oss.ServiceException e) {
            return report(false, "test function: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            oss.shutdown();
        }
    }

    private static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) throws ClientException {
        return client.getAcsResponse(request);
    }

    private static boolean report(boolean ok, String line) {
        System.out.println((ok ? "PASS " : "FAIL ") + line);
        return ok;
    }
}
