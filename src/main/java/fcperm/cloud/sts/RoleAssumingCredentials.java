package fcperm.cloud.sts;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.CloudException;
import fcperm.cloud.Credentials;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The temporary key of a RamRoleArn profile: assumes the role with the source key and assumes it again before the
 * key expires (a fifth of its lifetime ahead, at most five minutes), so no call is signed with an expiring key.
 * The core's own STSAssumeRoleSessionCredentialsProvider always speaks HTTPS to STS and reports failures as SDK
 * exceptions, so it cannot serve the sandbox nor give the user a CloudException.
 */
final class RoleAssumingCredentials implements AlibabaCloudCredentialsProvider, AutoCloseable {

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final RpcClient source;
    private final URI sts;
    private final Credentials.RamRoleArn role;
    private final Clock clock;
    private BasicSessionCredentials current;
    private Instant renewAt = Instant.MIN;
    private int assumed;

    RoleAssumingCredentials(RpcClient source, URI sts, Credentials.RamRoleArn role, Clock clock) {
        this.source = source;
        this.sts = sts;
        this.role = role;
        this.clock = clock;
    }

    @Override
    public synchronized AlibabaCloudCredentials getCredentials() throws ClientException {
        if (current == null || !clock.instant().isBefore(renewAt)) {
            try {
                assume();
            } catch (CloudException e) {
                throw new ClientException(e.code(), e.userMessage(), e);
            }
        }
        return current;
    }

    /** How many times the role was assumed (the first time and each renewal). */
    synchronized int timesAssumed() {
        return assumed;
    }

    private void assume() throws CloudException {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setRoleArn(role.roleArn());
        request.setRoleSessionName(role.sessionName());
        request.setDurationSeconds((long) role.durationSeconds());
        Instant asked = clock.instant();
        JsonNode body = source.call(Call.idempotent("sts:AssumeRole", role.roleArn()), sts, request);
        JsonNode key = body.path("Credentials");
        Instant expires = Instant.parse(key.path("Expiration").asText());
        Duration lifetime = Duration.between(asked, expires);
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
        current = new BasicSessionCredentials(key.path("AccessKeyId").asText(),
                key.path("AccessKeySecret").asText(), key.path("SecurityToken").asText(), 0);
        renewAt = expires.minus(margin);
        assumed++;
    }

    /** Releases the client that assumes the role. */
    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "RoleAssumingCredentials[" + role.roleArn() + "]";
    }
}
