package fcperm.sandbox.sts;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RoleSessionRefused;
import fcperm.sandbox.auth.RoleSessions;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.identity.IssuedSession;
import fcperm.sandbox.identity.PolicyGrammar;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** STS's rules for AssumeRole: parameter checks, then the role session issuer (trust policy, session length). */
public final class StsService {

    static final long MIN_DURATION = 900;
    static final long DEFAULT_DURATION = 3600;
    static final int MAX_SESSION_POLICY_LENGTH = 2048;

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w.@\\-]{2,64}");

    private final RoleSessions roleSessions;
    private final String accountId;

    public StsService(RoleSessions roleSessions, String accountId) {
        this.roleSessions = roleSessions;
        this.accountId = accountId;
    }

    /** The role a RoleArn names ({@code acs:ram::<account>:role/<name>}), else InvalidParameter.RoleArn. */
    static Arn roleArn(String roleArn) {
        return Arn.parse(roleArn).filter(arn -> arn.roleName().filter(name -> ROLE_NAME.matcher(name).matches()).isPresent())
                .orElseThrow(() -> StsErrors.roleArn(roleArn));
    }

    IssuedSession assumeRole(Caller caller, String roleArn, String sessionName, Optional<Long> durationSeconds,
                             Optional<String> sessionPolicy, Optional<String> externalId, RequestContext context) {
        Arn role = roleArn(roleArn);
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw StsErrors.roleSessionName();
        }
        long duration = durationSeconds.orElse(DEFAULT_DURATION);
        if (duration < MIN_DURATION) {
            throw StsErrors.durationSeconds("The Min/Max value of DurationSeconds is 15min/the role's MaxSessionDuration.");
        }
        sessionPolicy.ifPresent(StsService::checkSessionPolicy);
        externalId.filter(id -> id.length() < 2 || id.length() > 1224).ifPresent(id -> {
            throw StsErrors.externalId();
        });
        if (caller instanceof Caller.AccountRoot) {
            throw StsErrors.rootMayNotAssumeRoles();
        }
        if (!role.accountId().equals(accountId)) {
            throw StsErrors.roleNotFound("The specified Role not exists: " + roleArn);
        }
        try {
            return roleSessions.assume(caller, role.roleName().orElseThrow(), sessionName, Duration.ofSeconds(duration), sessionPolicy, context);
        } catch (RoleSessionRefused refused) {
            throw switch (refused.reason()) {
                case ROLE_NOT_FOUND -> StsErrors.roleNotFound(refused.getMessage());
                case NOT_TRUSTED -> StsErrors.notTrusted(refused.getMessage());
                case DURATION_TOO_LONG -> StsErrors.durationSeconds(refused.getMessage());
            };
        }
    }

    private static void checkSessionPolicy(String policy) {
        if (policy.length() > MAX_SESSION_POLICY_LENGTH) {
            throw StsErrors.policySize();
        }
        PolicyGrammar.permissionPolicyProblem(policy).ifPresent(why -> {
            throw StsErrors.policyGrammar(why);
        });
    }
}
