package fcperm.cloud;

import java.util.Locale;
import java.util.Set;

/**
 * The sentence for a person that goes with an error answer: what it means and what to do, then the cloud's own
 * code and message. The server's message is the reason — a refusal may be about the role's trust policy, a missing
 * grant, a session policy — so advice never guesses the reason in its place (the caller may be the account's root,
 * which lacks no permission).
 */
final class Advice {

    private static final Set<String> DENIALS = Set.of("NoPermission", "AccessDenied", "Forbidden",
            "Forbidden.RAM", "Forbidden.AccessDenied", "NotAuthorized");
    private static final Set<String> BAD_KEY = Set.of("InvalidAccessKeyId", "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch", "IncompleteSignature",
            "InvalidAccessKeyId.Invalid", "InvalidAccessKeyID", "SignatureNotMatch");
    private static final Set<String> EXPIRED = Set.of("InvalidSecurityToken.Expired", "SecurityTokenExpired",
            "InvalidSecurityToken.Malformed", "InvalidSecurityToken.MismatchWithAccessKey",
            "InvalidSecurityToken");
    /** Server messages can be long (a string to sign); the start says why. */
    private static final int MAX_SERVER_MESSAGE = 400;

    private Advice() {
    }

    static boolean isDenial(String code) {
        return DENIALS.contains(code);
    }

    static String sentence(String operation, String resource, String code, String serverMessage) {
        return meaning(operation, resource, code, serverMessage) + cloudSaid(code, serverMessage);
    }

    private static String meaning(String operation, String resource, String code, String serverMessage) {
        String what = resource == null || resource.isEmpty() ? "" : " on " + resource;
        if (DENIALS.contains(code)) {
            return "The cloud refused " + operation + what + ". " + whatToDoWhenRefused(serverMessage);
        }
        if (BAD_KEY.contains(code)) {
            return "The AccessKey was refused. Check the AccessKey ID and secret of the profile "
                    + "(or of the environment variables) you connected with.";
        }
        if (EXPIRED.contains(code)) {
            return "The STS security token was refused: it has expired or does not belong to the "
                    + "AccessKey. Get a new token for the profile, or use a RamRoleArn profile, which renews it.";
        }
        if (code.equals("EntityAlreadyExists.Role")) {
            return "A role named" + name(resource) + " already exists. Pick it from the existing roles instead of "
                    + "creating it.";
        }
        if (code.equals("EntityAlreadyExists.Policy")) {
            return "A custom policy named" + name(resource) + " already exists. Pick it from the custom policies, "
                    + "or choose another name.";
        }
        if (code.startsWith("EntityAlreadyExists") || code.endsWith("AlreadyExists")) {
            return what.isEmpty() ? "It already exists." : "It already exists" + what
                    + ". Pick the existing one or choose another name.";
        }
        if (code.equals("ServiceNotEmpty")) {
            return "The service" + name(resource) + " still holds functions; delete them first.";
        }
        if (code.equals("BucketNotEmpty")) {
            return "The bucket" + name(resource) + " still holds objects; it can only be deleted when empty.";
        }
        if (code.startsWith("EntityNotExist") || code.endsWith("NotFound") || code.startsWith("NoSuch")) {
            return "Not found" + what + ". It may have been deleted, or it is in another region or account.";
        }
        if (code.startsWith("Throttling")) {
            return "The cloud is throttling requests. Wait a moment and try again.";
        }
        return operation + what + " failed.";
    }

    /** What to do about a refusal, following the reason the cloud gave. */
    private static String whatToDoWhenRefused(String serverMessage) {
        String reason = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
        if (reason.contains("trust policy") || reason.contains("assume the role") || reason.contains("assumerole")) {
            return "Function Compute must be allowed to assume the role: let Function Compute assume it on the Role "
                    + "page (or pick a role that trusts fc.aliyuncs.com), then apply again.";
        }
        return "The cloud's reason follows. If it names a permission the connected identity lacks, ask an "
                + "administrator to grant it (or connect as an identity that has it), then try again.";
    }

    private static String cloudSaid(String code, String serverMessage) {
        if (serverMessage == null || serverMessage.isBlank()) {
            return " (" + code + ")";
        }
        String message = serverMessage.strip();
        if (message.length() > MAX_SERVER_MESSAGE) {
            message = message.substring(0, MAX_SERVER_MESSAGE) + "…";
        }
        return " The cloud said: " + code + ": " + message;
    }

    private static String name(String resource) {
        if (resource == null || resource.isEmpty()) {
            return "";
        }
        return " \"" + resource.substring(resource.lastIndexOf('/') + 1) + "\"";
    }
}
