package fcperm.cloud;

import java.util.Set;

/** The sentence for a person that goes with each error code we know. */
final class Advice {

    private static final Set<String> DENIALS = Set.of("NoPermission", "AccessDenied", "Forbidden",
            "Forbidden.RAM", "Forbidden.AccessDenied", "NotAuthorized");
    private static final Set<String> BAD_KEY = Set.of("InvalidAccessKeyId", "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch", "IncompleteSignature",
            "InvalidAccessKeyId.Invalid", "InvalidAccessKeyID", "SignatureNotMatch");
    private static final Set<String> EXPIRED = Set.of("InvalidSecurityToken.Expired", "SecurityTokenExpired",
            "InvalidSecurityToken.Malformed", "InvalidSecurityToken.MismatchWithAccessKey",
            "InvalidSecurityToken");

    private Advice() {
    }

    static boolean isDenial(String code) {
        return DENIALS.contains(code);
    }

    static String sentence(String operation, String resource, String code, String serverMessage) {
        String what = resource == null || resource.isEmpty() ? "" : " on " + resource;
        if (DENIALS.contains(code)) {
            return "The connected identity may not do " + operation + what + ". Ask an administrator to grant "
                    + operation + " to it (or connect as an identity that has it), then try again.";
        }
        if (BAD_KEY.contains(code)) {
            return "The AccessKey was refused (" + code + "). Check the AccessKey ID and secret of the profile "
                    + "(or of the environment variables) you connected with.";
        }
        if (EXPIRED.contains(code)) {
            return "The STS security token was refused (" + code + "): it has expired or does not belong to the "
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
        if (code.startsWith("EntityAlreadyExists") || code.endsWith("AlreadyExists")
                || code.equals("BucketAlreadyExists")) {
            return what.isEmpty() ? "It already exists (" + code + ")." : "It already exists" + what
                    + " (" + code + "). Pick the existing one or choose another name.";
        }
        if (code.startsWith("EntityNotExist") || code.endsWith("NotFound") || code.startsWith("NoSuch")) {
            return "Not found" + what + " (" + code + "). It may have been deleted, or it is in another region "
                    + "or account.";
        }
        if (code.startsWith("Throttling")) {
            return "The cloud is throttling requests (" + code + "). Wait a moment and try again.";
        }
        String server = serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage;
        return operation + what + " failed (" + code + ")" + server;
    }

    private static String name(String resource) {
        if (resource == null || resource.isEmpty()) {
            return "";
        }
        return " \"" + resource.substring(resource.lastIndexOf('/') + 1) + "\"";
    }
}
