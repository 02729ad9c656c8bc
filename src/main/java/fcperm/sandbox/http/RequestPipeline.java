package fcperm.sandbox.http;

import fcperm.sandbox.auth.AccessDecision;
import fcperm.sandbox.auth.AuthenticationException;
import fcperm.sandbox.auth.Authenticator;
import fcperm.sandbox.auth.Authorizer;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.SigningKey;
import fcperm.sandbox.protocol.ApiError;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every request on every listener goes through the same ordered stages, declared once in {@link #STAGES}:
 * resolve service and operation → verify signature → resolve principal → authorize → dispatch; then the outcome
 * (result or error) is serialized by the request's wire style and logged. A stage stops the request by throwing
 * {@link ApiError} (or {@link AuthenticationException}, which the style turns into its own code).
 */
public final class RequestPipeline extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger("fcperm.sandbox.requests");

    /** A named step of the pipeline. */
    private record Stage(String name, StageAction action) {
    }

    @FunctionalInterface
    private interface StageAction {
        void apply(RequestPipeline pipeline, Exchange exchange);
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("resolve service and operation", RequestPipeline::resolve),
            new Stage("verify signature", RequestPipeline::verifySignature),
            new Stage("resolve principal", RequestPipeline::resolvePrincipal),
            new Stage("authorize", RequestPipeline::authorize),
            new Stage("dispatch", RequestPipeline::dispatch));

    /** What the stages learn about one request. */
    private static final class Exchange {
        final Request request;
        final String requestId;
        final long startNanos = System.nanoTime();
        final RequestContext context;
        WireStyle style;
        ServiceCall call;
        SigningKey key;
        Caller principal;
        Reply reply;
        ApiError error;

        Exchange(Request request, String requestId, RequestContext context) {
            this.request = request;
            this.requestId = requestId;
            this.context = context;
        }
    }

    private final List<WireStyle> styles;
    private final WireStyle fallback;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final Function<Request, String> regionOf;
    private final Clock clock;

    /**
     * @param styles   asked in order; the first that accepts a request owns it
     * @param fallback writes the error for a request no style accepts
     * @param regionOf the region a request arrived for (by its listener)
     */
    public RequestPipeline(List<WireStyle> styles, WireStyle fallback, Authenticator authenticator,
                           Authorizer authorizer, Function<Request, String> regionOf, Clock clock) {
        this.styles = List.copyOf(styles);
        this.fallback = fallback;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.regionOf = regionOf;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, newRequestId(),
                new RequestContext(Request.getRemoteAddr(request), request.isSecure(), clock.instant()));
        String stage = "";
        try {
            for (Stage next : STAGES) {
                stage = next.name();
                next.action().apply(this, exchange);
            }
        } catch (ApiError e) {
            exchange.error = e;
        } catch (AuthenticationException e) {
            exchange.error = exchange.style.authenticationError(e);
        } catch (RuntimeException e) {
            LOG.error("{} failed at stage '{}'", exchange.requestId, stage, e);
            exchange.error = ApiError.internalError();
        }
        serialize(exchange, response, callback);
        log(exchange, response);
        return true;
    }

    private void resolve(Exchange exchange) {
        exchange.style = styles.stream().filter(style -> style.accepts(exchange.request)).findFirst().orElse(null);
        if (exchange.style == null) {
            exchange.style = fallback;
            throw ApiError.unsupportedRequest();
        }
        exchange.call = exchange.style.open(exchange.request, exchange.requestId, regionOf.apply(exchange.request));
    }

    private void verifySignature(Exchange exchange) {
        exchange.key = authenticator.authenticate(exchange.call.signature());
    }

    private void resolvePrincipal(Exchange exchange) {
        exchange.principal = exchange.key.owner();
    }

    private void authorize(Exchange exchange) {
        AccessDecision decision = authorizer.check(exchange.principal,
                exchange.call.permissions(exchange.principal, exchange.context), exchange.context);
        if (!decision.allowed()) {
            throw exchange.style.accessDenied(exchange.call, exchange.principal, decision);
        }
    }

    private void dispatch(Exchange exchange) {
        exchange.reply = exchange.call.invoke(exchange.principal, exchange.context);
    }

    private void serialize(Exchange exchange, Response response, Callback callback) {
        try {
            if (exchange.error == null) {
                exchange.reply.write(exchange.requestId, response);
            } else {
                exchange.style.writeError(exchange.call, exchange.error, exchange.requestId, exchange.request, response);
            }
            callback.succeeded();
        } catch (Throwable e) {
            LOG.warn("{} could not write the response: {}", exchange.requestId, e.toString());
            callback.failed(e);
        }
    }

    private void log(Exchange exchange, Response response) {
        long millis = (System.nanoTime() - exchange.startNanos) / 1_000_000;
        String what = exchange.call == null ? exchange.request.getMethod() + " " + exchange.request.getHttpURI().getPath()
                : exchange.call.service() + ":" + exchange.call.operation();
        String who = exchange.principal == null ? "-" : exchange.principal.arn();
        if (exchange.error == null) {
            LOG.debug("{} {} by {} -> {} ({} ms)", exchange.requestId, what, who, response.getStatus(), millis);
        } else if (exchange.error.status() >= 500) {
            LOG.warn("{} {} by {} -> {} {} ({} ms)", exchange.requestId, what, who, exchange.error.status(),
                    exchange.error.code(), millis);
        } else {
            LOG.info("{} {} by {} -> {} {} ({} ms)", exchange.requestId, what, who, exchange.error.status(),
                    exchange.error.code(), millis);
        }
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
