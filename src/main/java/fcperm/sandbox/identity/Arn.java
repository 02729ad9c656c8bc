package fcperm.sandbox.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource name, {@code acs:<service>:<region>:<account-id>:<resource>}, parsed and formatted here only. The
 * region rule per service is kept here: RAM and IMS are global (empty region), OSS ARNs carry {@code *} (as OSS's RAM
 * reference writes them), FC ARNs the region of the service. The case rule is applied where ARNs are matched, by the
 * policy engine (docs/ram-policy.md §1.3): RAM ARNs without regard to case, the others exactly, so an ARN keeps the
 * case its parts were given in.
 */
public record Arn(String service, String region, String accountId, String resource) {

    private static final Pattern FORM = Pattern.compile("acs:([a-z0-9-]+):([^:]*):(\\d+):(.+)");
    private static final Pattern ROLE = Pattern.compile("role/([^/]+)");

    public static Arn ram(String accountId, String resource) {
        return new Arn("ram", "", accountId, resource);
    }

    /** RAM users and groups as Resource Manager's authorization names them. */
    public static Arn ims(String accountId, String resource) {
        return new Arn("ims", "", accountId, resource);
    }

    public static Arn role(String accountId, String roleName) {
        return ram(accountId, "role/" + roleName);
    }

    /** A bucket ({@code bucket}), an object ({@code bucket/key}) or every bucket ({@code *}). */
    public static Arn oss(String accountId, String resource) {
        return new Arn("oss", "*", accountId, resource);
    }

    public static Arn fc(String region, String accountId, String resource) {
        return new Arn("fc", region, accountId, resource);
    }

    /** The ARN {@code text} spells; empty unless it is {@code acs:service:region:account:resource}, the account in digits. */
    public static Optional<Arn> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        return matcher.matches()
                ? Optional.of(new Arn(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)))
                : Optional.empty();
    }

    /** The role's name when this is a RAM role ({@code acs:ram::<uid>:role/<name>}). */
    public Optional<String> roleName() {
        Matcher matcher = ROLE.matcher(resource);
        return service.equals("ram") && region.isEmpty() && matcher.matches()
                ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "acs:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

}
