package fcperm.sandbox.auth;

import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.Identities;
import fcperm.sandbox.identity.IssuedSession;
import fcperm.sandbox.identity.RoleTrust;
import fcperm.sandbox.store.RandomIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Issues role sessions: checks the role's trust policy and its longest session, then stores new temporary
 * credentials. STS AssumeRole uses it for RAM users and role sessions; the FC runtime uses it to obtain a function's
 * credentials as the service {@code fc.aliyuncs.com}. Whether the caller may call AssumeRole at all is not decided
 * here (that is the caller's own identity policy, checked by the request pipeline).
 */
public final class RoleSessions {

    /** How long FC's credentials for a function last (FC documents 36 hours, beyond a role's MaxSessionDuration). */
    public static final Duration SERVICE_SESSION = Duration.ofHours(36);

    private final Identities identities;
    private final Authorizer authorizer;
    private final Clock clock;

    public RoleSessions(Identities identities, Authorizer authorizer, Clock clock) {
        this.identities = identities;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    /**
     * A principal assumes {@code roleName}. {@code duration} must not exceed the role's MaxSessionDuration;
     * {@code sessionPolicy} (JSON, already validated) narrows the session's permissions.
     */
    public IssuedSession assume(Caller caller, String roleName, String sessionName, Duration duration,
                                Optional<String> sessionPolicy, RequestContext context) {
        RoleTrust role = trustedRole(roleName, new TrustedCaller.Of(caller), context);
        if (duration.getSeconds() > role.maxSessionDuration()) {
            throw new RoleSessionRefused(RoleSessionRefused.Reason.DURATION_TOO_LONG,
                    "The Min/Max value of DurationSeconds is 15min/" + role.maxSessionDuration() / 60 + "min.");
        }
        return issue(role, sessionName, duration, sessionPolicy, caller.arn());
    }

    /** A cloud service (e.g. {@code fc.aliyuncs.com}) assumes {@code roleName} for {@link #SERVICE_SESSION}. */
    public IssuedSession assumeAsService(String service, String roleName, String sessionName, RequestContext context) {
        RoleTrust role = trustedRole(roleName, new TrustedCaller.Service(service), context);
        return issue(role, sessionName, SERVICE_SESSION, Optional.empty(), service);
    }

    private RoleTrust trustedRole(String roleName, TrustedCaller caller, RequestContext context) {
        RoleTrust role = identities.role(roleName).orElseThrow(() -> new RoleSessionRefused(
                RoleSessionRefused.Reason.ROLE_NOT_FOUND, "The specified Role not exists: " + roleName));
        if (!authorizer.trusts(role, caller, context)) {
            throw new RoleSessionRefused(RoleSessionRefused.Reason.NOT_TRUSTED,
                    "You are not authorized to assume role " + role.roleName() + ": its trust policy does not trust "
                            + caller.describe() + ".");
        }
        return role;
    }

    private IssuedSession issue(RoleTrust role, String sessionName, Duration duration, Optional<String> sessionPolicy,
                                String issuedTo) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiration = now.plus(duration);
        String accessKeyId = "STS." + RandomIds.alphanumeric(25);
        String secret = RandomIds.alphanumeric(44);
        String token = "CAIS" + RandomIds.alphanumeric(300);
        AccessKeyPair credentials = new AccessKeyPair(accessKeyId, secret, Optional.of(token), Optional.of(expiration));
        identities.storeSession(credentials, role, sessionName, sessionPolicy, issuedTo, now);
        String accountId = identities.account().id();
        return new IssuedSession(credentials,
                Arn.ram(accountId, "role/" + role.roleName() + "/" + sessionName).toString(),
                role.roleId() + ":" + sessionName);
    }
}
