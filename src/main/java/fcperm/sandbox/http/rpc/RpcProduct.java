package fcperm.sandbox.http.rpc;

/**
 * An RPC product as the wire names it: its code (used in links and logs, e.g. {@code Ram}), its API version (the
 * only thing that tells products apart on a shared port) and its public host (the error envelope's HostId).
 */
public record RpcProduct(String code, String version, String hostId) {
}
