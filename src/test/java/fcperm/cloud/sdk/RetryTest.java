package fcperm.cloud.sdk;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.sun.net.httpserver.HttpServer;
import fcperm.cloud.CloudException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which failures are tried again: an endpoint that answers with a fixed error and counts the requests it got.
 */
class RetryTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private volatile int status;
    private volatile String code;
    private RpcClient rpc;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("{\"Code\":\"" + code + "\",\"Message\":\"try later\",\"RequestId\":\"req-"
                    + requests.get() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        rpc = new RpcClient("cn-hangzhou", new StaticCredentialsProvider(new BasicCredentials("LTAI5tRetryTest",
                "retry-secret")));
    }

    @AfterEach
    void stop() {
        rpc.close();
        server.stop(0);
    }

    private CloudException call(Call call) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return catchThrowableOfType(CloudException.class,
                () -> rpc.call(call, endpoint, new GetCallerIdentityRequest()));
    }

    @Test
    void idempotentCallIsTriedAgainOnAServerError() {
        status = 503;
        code = "ServiceUnavailable";

        CloudException error = call(Call.idempotent("sts:GetCallerIdentity", ""));

        assertThat(requests.get()).isEqualTo(Retry.ATTEMPTS);
        assertThat(error.requestId()).contains("req-" + Retry.ATTEMPTS);
        assertThat(error.httpStatus()).isEqualTo(503);
    }

    @Test
    void callThatMustNotRepeatIsSentOnce() {
        status = 503;
        code = "ServiceUnavailable";

        call(Call.once("ram:CreateRole", "role/x"));

        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void throttlingIsTriedAgain() {
        status = 400;
        code = "Throttling.User";

        CloudException error = call(Call.idempotent("ram:ListRoles", ""));

        assertThat(requests.get()).isEqualTo(Retry.ATTEMPTS);
        assertThat(error.userMessage()).contains("throttling");
    }

    @Test
    void clientErrorIsNotTriedAgain() {
        status = 404;
        code = "EntityNotExist.Role";

        CloudException error = call(Call.idempotent("ram:GetRole", "role/x"));

        assertThat(requests.get()).isEqualTo(1);
        assertThat(error.code()).isEqualTo("EntityNotExist.Role");
    }
}
