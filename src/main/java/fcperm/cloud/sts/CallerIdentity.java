package fcperm.cloud.sts;

import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.CloudException;
import fcperm.cloud.Identity;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;

/** STS GetCallerIdentity: who the connection's key belongs to. Any valid key may ask; no policy is needed. */
public final class CallerIdentity {

    private CallerIdentity() {
    }

    public static Identity of(RpcClient rpc, URI sts) throws CloudException {
        JsonNode body = rpc.call(Call.idempotent("sts:GetCallerIdentity", ""), sts, new GetCallerIdentityRequest());
        return new Identity(body.path("AccountId").asText(), body.path("IdentityType").asText(),
                body.path("Arn").asText(), body.path("PrincipalId").asText());
    }
}
