/**
 * The sandbox's HTTP side: the Jetty server on loopback and the one request pipeline every request goes through.
 *
 * <h2>Adding a service</h2>
 * <ul>
 *   <li><b>An RPC product</b> (POP: Action/Version in query or form, signature v1), e.g. Resource Manager: implement
 *   {@link fcperm.sandbox.protocol.RpcApi} in the service's package (its {@code XxxApi}): the product's code, API
 *   version and host, and one {@link fcperm.sandbox.protocol.RpcOperation} per action — the permissions it needs
 *   and its handler, which returns an {@link fcperm.sandbox.protocol.RpcBody} or throws
 *   {@link fcperm.sandbox.protocol.ApiError} with the cloud's code. Then add it to the list of RPC apis in
 *   {@code fcperm.sandbox.Sandbox#start}. Nothing here changes.</li>
 *   <li><b>Another wire style</b> (OSS REST, FC 2.0 REST): implement {@link fcperm.sandbox.http.WireStyle} (how to
 *   recognise a request, read it into a {@link fcperm.sandbox.http.Call}, and write results and errors in that
 *   style's envelope) with its signature check as a {@link fcperm.sandbox.auth.SignedRequest}, and add it to the
 *   styles in {@code Sandbox#start} ahead of RPC. A style may leave the request body unread in {@code open} and
 *   stream it from {@code Call.invoke}; its {@code writeResult} may stream a response body too.</li>
 * </ul>
 *
 * <h2>Authorization</h2>
 * A call names what it needs as {@link fcperm.sandbox.auth.RequiredPermission}s: the RAM action, the resource
 * ARN, and the resource group the resource belongs to (read with
 * {@link fcperm.sandbox.identity.ResourceMembership#groupOf}; null for resources that are not grouped). The pipeline
 * authenticates the caller, asks the {@link fcperm.sandbox.auth.Authorizer}, and turns a refusal into the style's
 * error through {@link fcperm.sandbox.http.WireStyle#accessDenied}. Services never check permissions themselves.
 *
 * <h2>Resource groups</h2>
 * A service that creates grouped resources (OSS buckets, FC services) records their group with
 * {@link fcperm.sandbox.identity.ResourceMembership#place} in the same transaction that creates the resource, and
 * removes it when the resource is deleted; Resource Manager's ListResources reads the same table.
 */
package fcperm.sandbox.http;
