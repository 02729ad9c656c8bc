package fcperm.sandbox.http.rpc;

import java.util.List;

/** An RPC product's operation table (RamApi, StsApi, ResourceManagerApi): register it with the sandbox's RPC wire. */
public interface RpcApi {

    RpcProduct product();

    List<RpcOperation> operations();
}
