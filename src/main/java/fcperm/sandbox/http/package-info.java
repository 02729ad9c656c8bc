/**
 * The sandbox's HTTP side: the Jetty server on loopback, the one request pipeline every request goes through
 * ({@link fcperm.sandbox.http.RequestPipeline}), and one package per wire protocol below it ({@code rpc}, {@code oss},
 * {@code fc}) that reads a request into a {@link fcperm.sandbox.http.ServiceCall}, checks how it was signed, and
 * writes results and errors in the protocol's envelope. Jetty is used here and nowhere else in the sandbox.
 * How to add an operation or a service: docs/sandbox.md §5 and §6.
 */
package fcperm.sandbox.http;
