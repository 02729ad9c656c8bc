package fcperm.sandbox.ram;

import fcperm.policy.catalog.SystemPolicy;
import fcperm.sandbox.identity.AccessKey;
import fcperm.sandbox.identity.AccountAttachment;
import fcperm.sandbox.identity.Policy;
import fcperm.sandbox.identity.PolicyVersion;
import fcperm.sandbox.identity.RamDirectory;
import fcperm.sandbox.identity.Role;
import fcperm.sandbox.identity.SystemPolicies;
import fcperm.sandbox.identity.User;
import fcperm.sandbox.protocol.ApiError;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.RandomIds;
import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** RAM's rules: validation, uniqueness, limits and the effects of each operation, each in one transaction. */
public final class RamService {

    static final long MIN_SESSION = 3600;
    static final long MAX_SESSION = 43200;
    static final int MAX_POLICY_VERSIONS = 5;
    static final int MAX_ACCESS_KEYS_PER_USER = 2;
    static final String ROTATE_OLDEST = "DeleteOldestNonDefaultVersionWhenLimitExceeded";

    private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*");

    private final Database database;
    private final RamDirectory store;
    private final SystemPolicies systemPolicies;
    private final PolicyDocuments documents;
    private final Clock clock;

    public RamService(Database database, String accountId, SystemPolicies systemPolicies, Clock clock) {
        this.database = database;
        this.store = new RamDirectory(accountId);
        this.systemPolicies = systemPolicies;
        this.documents = new PolicyDocuments();
        this.clock = clock;
    }

    // ---- roles

    Role createRole(String roleName, String trustPolicy, Optional<String> description, Optional<Long> maxSessionDuration) {
        RamNames.roleName(roleName);
        documents.checkTrustPolicy("AssumeRolePolicyDocument", trustPolicy);
        String checkedDescription = RamNames.description("Description", description.orElse(""));
        long maxSession = checkMaxSession("MaxSessionDuration", maxSessionDuration.orElse(MIN_SESSION));
        return database.transaction(tx -> {
            if (store.role(tx, roleName).isPresent()) {
                throw RamErrors.roleExists(roleName);
            }
            String now = now();
            store.insertRole(tx, new Role(RandomIds.numericId(18), roleName, null, checkedDescription, trustPolicy,
                    maxSession, now, now));
            return store.role(tx, roleName).orElseThrow();
        });
    }

    Role getRole(String roleName) {
        return database.read(tx -> role(tx, roleName));
    }

    MarkerPage<Role> listRoles(Optional<String> marker, int maxItems) {
        String from = marker.map(Markers::decode).orElse("");
        return page(database.read(tx -> store.roles(tx, from, maxItems + 1)), maxItems, Role::roleName);
    }

    Role updateRole(String roleName, Optional<String> newTrustPolicy, Optional<String> newDescription,
                    Optional<Long> newMaxSessionDuration) {
        newTrustPolicy.ifPresent(document -> documents.checkTrustPolicy("NewAssumeRolePolicyDocument", document));
        newDescription.ifPresent(description -> RamNames.description("NewDescription", description));
        newMaxSessionDuration.ifPresent(seconds -> checkMaxSession("NewMaxSessionDuration", seconds));
        return database.transaction(tx -> {
            Role role = role(tx, roleName);
            store.updateRole(tx, new Role(role.roleId(), role.roleName(), role.arn(),
                    newDescription.orElse(role.description()),
                    newTrustPolicy.orElse(role.assumeRolePolicyDocument()),
                    newMaxSessionDuration.orElse(role.maxSessionDuration()), role.createDate(), now()));
            return store.role(tx, role.roleName()).orElseThrow();
        });
    }

    void deleteRole(String roleName) {
        database.transaction(tx -> {
            Role role = role(tx, roleName);
            if (store.attachmentCount(tx, RamDirectory.ROLE, role.roleId()) > 0) {
                throw RamErrors.roleHasPolicies(role.roleName());
            }
            store.deleteRole(tx, role.roleId());
            return null;
        });
    }

    private Role role(Tx tx, String roleName) throws SQLException {
        return store.role(tx, roleName).orElseThrow(() -> RamErrors.roleNotFound(roleName));
    }

    // ---- users

    User createUser(String userName, Optional<String> displayName, Optional<String> comments, Optional<String> email,
                    Optional<String> mobilePhone) {
        RamNames.userName(userName);
        String display = displayName.orElse(userName);
        if (display.length() > 128) {
            throw RamErrors.invalidLength("DisplayName", 1, 128);
        }
        String checkedComments = RamNames.description("Comments", comments.orElse(""));
        return database.transaction(tx -> {
            if (store.user(tx, userName).isPresent()) {
                throw RamErrors.userExists(userName);
            }
            String now = now();
            store.insertUser(tx, new User(RandomIds.numericId(16), userName, display, checkedComments,
                    email.orElse(""), mobilePhone.orElse(""), now, now));
            return store.user(tx, userName).orElseThrow();
        });
    }

    User getUser(String userName) {
        return database.read(tx -> user(tx, userName));
    }

    MarkerPage<User> listUsers(Optional<String> marker, int maxItems) {
        String from = marker.map(Markers::decode).orElse("");
        return page(database.read(tx -> store.users(tx, from, maxItems + 1)), maxItems, User::userName);
    }

    void deleteUser(String userName) {
        database.transaction(tx -> {
            User user = user(tx, userName);
            if (!store.accessKeys(tx, user.userId()).isEmpty()) {
                throw RamErrors.userHasAccessKeys(user.userName());
            }
            if (store.attachmentCount(tx, RamDirectory.USER, user.userId()) > 0) {
                throw RamErrors.userHasPolicies(user.userName());
            }
            store.deleteUser(tx, user.userId());
            return null;
        });
    }

    AccessKey createAccessKey(String userName) {
        return database.transaction(tx -> {
            User user = user(tx, userName);
            if (store.accessKeys(tx, user.userId()).size() >= MAX_ACCESS_KEYS_PER_USER) {
                throw RamErrors.accessKeyLimit();
            }
            String id = RandomIds.accessKeyId();
            String secret = RandomIds.accessKeySecret();
            String now = now();
            store.insertAccessKey(tx, user.userId(), id, secret, now);
            return new AccessKey(id, Optional.of(secret), "Active", now);
        });
    }

    List<AccessKey> listAccessKeys(String userName) {
        return database.read(tx -> store.accessKeys(tx, user(tx, userName).userId()));
    }

    void deleteAccessKey(String userName, String accessKeyId) {
        database.transaction(tx -> {
            if (!store.deleteAccessKey(tx, user(tx, userName).userId(), accessKeyId)) {
                throw RamErrors.accessKeyNotFound(accessKeyId);
            }
            return null;
        });
    }

    private User user(Tx tx, String userName) throws SQLException {
        return store.user(tx, userName).orElseThrow(() -> RamErrors.userNotFound(userName));
    }

    // ---- policies

    Policy createPolicy(String policyName, String document, Optional<String> description) {
        RamNames.policyName(policyName);
        documents.checkPermissionPolicy("PolicyDocument", document);
        String checkedDescription = RamNames.description("Description", description.orElse(""));
        return database.transaction(tx -> {
            if (store.customPolicy(tx, policyName).isPresent()) {
                throw RamErrors.policyExists(policyName);
            }
            store.insertPolicy(tx, policyName, checkedDescription, document, now());
            return store.customPolicy(tx, policyName).orElseThrow();
        });
    }

    Policy getPolicy(String policyType, String policyName) {
        return database.read(tx -> policy(tx, checkPolicyType(policyType), policyName));
    }

    /** System policies first, then custom ones, each in name order; {@code policyType} filters. */
    MarkerPage<Policy> listPolicies(Optional<String> policyType, Optional<String> marker, int maxItems) {
        policyType.ifPresent(RamService::checkPolicyType);
        List<Policy> all = database.read(tx -> {
            List<Policy> policies = new ArrayList<>();
            if (policyType.isEmpty() || policyType.get().equals("System")) {
                for (SystemPolicy policy : systemPolicies.all()) {
                    policies.add(system(tx, policy));
                }
            }
            if (policyType.isEmpty() || policyType.get().equals("Custom")) {
                policies.addAll(store.customPolicies(tx));
            }
            return policies;
        });
        String from = marker.map(Markers::decode).orElse("");
        List<Policy> fromMarker = all.stream()
                .sorted(Comparator.comparing(RamService::listingKey))
                .filter(policy -> listingKey(policy).compareTo(from) >= 0)
                .limit(maxItems + 1L)
                .toList();
        return page(fromMarker, maxItems, RamService::listingKey);
    }

    /** Where a policy sits in ListPolicies: System before Custom, then by name ignoring case. */
    private static String listingKey(Policy policy) {
        return (policy.policyType().equals("System") ? "0:" : "1:") + policy.policyName().toLowerCase(Locale.ROOT);
    }

    PolicyVersion createPolicyVersion(String policyName, String document, boolean setAsDefault, Optional<String> rotateStrategy) {
        documents.checkPermissionPolicy("PolicyDocument", document);
        rotateStrategy.filter(strategy -> !strategy.equals("None") && !strategy.equals(ROTATE_OLDEST))
                .ifPresent(strategy -> {
                    throw RamErrors.invalidParameter("RotateStrategy", "must be None or " + ROTATE_OLDEST + ".");
                });
        boolean rotate = rotateStrategy.filter(ROTATE_OLDEST::equals).isPresent();
        return database.transaction(tx -> {
            Policy policy = customPolicy(tx, policyName);
            List<PolicyVersion> versions = store.policyVersions(tx, policy.policyName());
            if (versions.size() >= MAX_POLICY_VERSIONS) {
                if (!rotate) {
                    throw RamErrors.policyVersionLimit(policy.policyName());
                }
                PolicyVersion oldest = versions.stream().filter(v -> !v.isDefaultVersion()).findFirst().orElseThrow();
                store.deletePolicyVersion(tx, policy.policyName(), oldest.versionId());
            }
            String now = now();
            String versionId = store.insertPolicyVersion(tx, policy.policyName(), document, now);
            if (setAsDefault) {
                store.setDefaultVersion(tx, policy.policyName(), versionId, now);
            }
            return version(tx, policy, versionId);
        });
    }

    PolicyVersion getPolicyVersion(String policyType, String policyName, String versionId) {
        checkVersionId(versionId);
        return database.read(tx -> version(tx, policy(tx, checkPolicyType(policyType), policyName), versionId));
    }

    List<PolicyVersion> listPolicyVersions(String policyType, String policyName) {
        return database.read(tx -> versions(tx, policy(tx, checkPolicyType(policyType), policyName)));
    }

    void setDefaultPolicyVersion(String policyName, String versionId) {
        checkVersionId(versionId);
        database.transaction(tx -> {
            Policy policy = customPolicy(tx, policyName);
            version(tx, policy, versionId);
            store.setDefaultVersion(tx, policy.policyName(), versionId, now());
            return null;
        });
    }

    void deletePolicyVersion(String policyName, String versionId) {
        checkVersionId(versionId);
        database.transaction(tx -> {
            Policy policy = customPolicy(tx, policyName);
            PolicyVersion version = version(tx, policy, versionId);
            if (version.isDefaultVersion()) {
                throw RamErrors.deleteDefaultVersion(policy.policyName(), versionId);
            }
            store.deletePolicyVersion(tx, policy.policyName(), versionId);
            return null;
        });
    }

    void deletePolicy(String policyName) {
        database.transaction(tx -> {
            Policy policy = customPolicy(tx, policyName);
            if (store.attachmentCountOfPolicy(tx, "Custom", policy.policyName(), RamDirectory.USER) > 0) {
                throw RamErrors.policyAttachedToUser(policy.policyName());
            }
            if (store.attachmentCountOfPolicy(tx, "Custom", policy.policyName(), RamDirectory.ROLE) > 0) {
                throw RamErrors.policyAttachedToRole(policy.policyName());
            }
            if (store.policyVersions(tx, policy.policyName()).size() > 1) {
                throw RamErrors.policyHasVersions(policy.policyName());
            }
            store.deletePolicy(tx, policy.policyName());
            return null;
        });
    }

    private Policy policy(Tx tx, String policyType, String policyName) throws SQLException {
        if (policyType.equals("System")) {
            SystemPolicy policy = systemPolicies.get(policyName)
                    .orElseThrow(() -> RamErrors.policyNotFound(policyType, policyName));
            return system(tx, policy);
        }
        return customPolicy(tx, policyName);
    }

    private Policy customPolicy(Tx tx, String policyName) throws SQLException {
        return store.customPolicy(tx, policyName).orElseThrow(() -> RamErrors.policyNotFound("Custom", policyName));
    }

    private Policy system(Tx tx, SystemPolicy policy) throws SQLException {
        return new Policy(policy.name(), "System", policy.description(), policy.defaultVersion(), policy.documentJson(),
                null, null, store.systemAttachmentCount(tx, policy.name()));
    }

    private List<PolicyVersion> versions(Tx tx, Policy policy) throws SQLException {
        if (policy.policyType().equals("System")) {
            return List.of(new PolicyVersion(policy.defaultVersion(), true, policy.document(), null));
        }
        return store.policyVersions(tx, policy.policyName());
    }

    private PolicyVersion version(Tx tx, Policy policy, String versionId) throws SQLException {
        return versions(tx, policy).stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> RamErrors.policyVersionNotFound(policy.policyName(), versionId));
    }

    // ---- attachments (account scope)

    void attachPolicyToRole(String policyType, String policyName, String roleName) {
        attach(policyType, policyName, "Role", tx -> principal(role(tx, roleName)));
    }

    void detachPolicyFromRole(String policyType, String policyName, String roleName) {
        detach(policyType, policyName, "Role", tx -> principal(role(tx, roleName)));
    }

    void attachPolicyToUser(String policyType, String policyName, String userName) {
        attach(policyType, policyName, "User", tx -> principal(user(tx, userName)));
    }

    void detachPolicyFromUser(String policyType, String policyName, String userName) {
        detach(policyType, policyName, "User", tx -> principal(user(tx, userName)));
    }

    /** A user or role as attachments name it. */
    private record Principal(String type, String id, String name) {
    }

    private static Principal principal(Role role) {
        return new Principal(RamDirectory.ROLE, role.roleId(), role.roleName());
    }

    private static Principal principal(User user) {
        return new Principal(RamDirectory.USER, user.userId(), user.userName());
    }

    @FunctionalInterface
    private interface PrincipalLookup {
        Principal find(Tx tx) throws SQLException;
    }

    private void attach(String policyType, String policyName, String kind, PrincipalLookup lookup) {
        checkPolicyType(policyType);
        database.transaction(tx -> {
            Principal principal = lookup.find(tx);
            Policy policy = policy(tx, policyType, policyName);
            if (!store.attach(tx, policyType, policy.policyName(), principal.type(), principal.id(), now())) {
                throw RamErrors.policyAlreadyAttached(kind, policy.policyName(), principal.name());
            }
            return null;
        });
    }

    private void detach(String policyType, String policyName, String kind, PrincipalLookup lookup) {
        checkPolicyType(policyType);
        database.transaction(tx -> {
            Principal principal = lookup.find(tx);
            Policy policy = policy(tx, policyType, policyName);
            if (!store.detach(tx, policyType, policy.policyName(), principal.type(), principal.id())) {
                throw RamErrors.policyNotAttached(kind, policy.policyName(), principal.name());
            }
            return null;
        });
    }

    /** A policy attached to a principal: the policy and when. */
    record AttachedPolicy(Policy policy, String attachDate) {
    }

    List<AttachedPolicy> policiesForRole(String roleName) {
        return database.read(tx -> attachedTo(tx, principal(role(tx, roleName))));
    }

    List<AttachedPolicy> policiesForUser(String userName) {
        return database.read(tx -> attachedTo(tx, principal(user(tx, userName))));
    }

    private List<AttachedPolicy> attachedTo(Tx tx, Principal principal) throws SQLException {
        List<AttachedPolicy> attached = new ArrayList<>();
        for (AccountAttachment attachment : store.attachmentsOf(tx, principal.type(), principal.id())) {
            attached.add(new AttachedPolicy(policy(tx, attachment.policyType(), attachment.policyName()), attachment.attachDate()));
        }
        return attached;
    }

    /** The roles and users a policy is attached to (account scope). */
    record Entities(List<AttachedRole> roles, List<AttachedUser> users) {
    }

    record AttachedRole(Role role, String attachDate) {
    }

    record AttachedUser(User user, String attachDate) {
    }

    Entities entitiesForPolicy(String policyType, String policyName) {
        return database.read(tx -> {
            Policy policy = policy(tx, checkPolicyType(policyType), policyName);
            List<AttachedRole> roles = new ArrayList<>();
            List<AttachedUser> users = new ArrayList<>();
            for (AccountAttachment attachment : store.attachmentsOfPolicy(tx, policyType, policy.policyName())) {
                if (attachment.principalType().equals(RamDirectory.ROLE)) {
                    store.roleById(tx, attachment.principalId()).ifPresent(role -> roles.add(new AttachedRole(role, attachment.attachDate())));
                } else {
                    store.userById(tx, attachment.principalId())
                            .ifPresent(user -> users.add(new AttachedUser(user, attachment.attachDate())));
                }
            }
            return new Entities(roles, users);
        });
    }

    // ---- shared rules

    private static <T> MarkerPage<T> page(List<T> fetched, int maxItems, Function<T, String> name) {
        if (fetched.size() <= maxItems) {
            return new MarkerPage<>(fetched, Optional.empty());
        }
        return new MarkerPage<>(List.copyOf(fetched.subList(0, maxItems)), Optional.of(Markers.encode(name.apply(fetched.get(maxItems)))));
    }

    static String checkPolicyType(String policyType) {
        if (!policyType.equals("System") && !policyType.equals("Custom")) {
            throw new ApiError(400, "InvalidParameter.PolicyType",
                    "The parameter - PolicyType must be System or Custom: " + policyType);
        }
        return policyType;
    }

    private static void checkVersionId(String versionId) {
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw new ApiError(400, "InvalidParameter.VersionId.Format", "The parameter - VersionId is not like v<n>: " + versionId);
        }
    }

    static long checkMaxSession(String parameter, long seconds) {
        if (seconds < MIN_SESSION || seconds > MAX_SESSION) {
            throw RamErrors.invalidParameter(parameter, "must be between " + MIN_SESSION + " and " + MAX_SESSION + " seconds.");
        }
        return seconds;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
