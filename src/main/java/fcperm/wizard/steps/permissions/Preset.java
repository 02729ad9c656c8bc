package fcperm.wizard.steps.permissions;

import fcperm.policy.model.Condition;
import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Statement;
import fcperm.policy.parse.PolicyWriter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A common intent ("let the functions write objects to bucket B under prefix P") turned into the smallest custom
 * policy that allows it: only the actions the intent needs, only on the resources it names, in this account.
 * Documents are built with the policy engine's model and written by its writer, so they are valid by construction.
 */
public sealed interface Preset {

    /** The name offered for the generated custom policy; RAM allows letters, digits and hyphens. */
    String policyName();

    /** The policy document as RAM expects it (pretty JSON). */
    String document(String accountId);

    /** Functions write objects (oss:PutObject only) to {@code bucket} under {@code prefix}. */
    record OssWrite(String bucket, String prefix) implements Preset {
        @Override
        public String policyName() {
            return nameOf("fc-oss-write", bucket);
        }

        @Override
        public String document(String accountId) {
            return write(Statement.of(Effect.ALLOW, List.of("oss:PutObject"),
                    List.of(objectArn(accountId, bucket, prefix))));
        }
    }

    /** Functions read objects under {@code prefix} of {@code bucket} and list that prefix. */
    record OssRead(String bucket, String prefix) implements Preset {
        @Override
        public String policyName() {
            return nameOf("fc-oss-read", bucket);
        }

        @Override
        public String document(String accountId) {
            Statement read = Statement.of(Effect.ALLOW, List.of("oss:GetObject"),
                    List.of(objectArn(accountId, bucket, prefix)));
            List<Condition> onlyPrefix = prefix.isEmpty() ? List.of()
                    : List.of(new Condition("StringLike", "oss:Prefix", List.of(prefix + "*")));
            Statement list = new Statement(Optional.empty(), Effect.ALLOW, List.of("oss:ListObjects"), false,
                    List.of("acs:oss:*:" + accountId + ":" + bucket), false, Optional.empty(), onlyPrefix);
            return write(read, list);
        }
    }

    /** Functions write log entries to one Logstore of one Log Service project. */
    record LogWrite(String project, String logstore) implements Preset {
        @Override
        public String policyName() {
            return nameOf("fc-log-write", project);
        }

        @Override
        public String document(String accountId) {
            return write(Statement.of(Effect.ALLOW, List.of("log:PostLogStoreLogs"),
                    List.of("acs:log:*:" + accountId + ":project/" + project + "/logstore/" + logstore)));
        }
    }

    /** Function Compute attaches the service's functions to a VPC through elastic network interfaces. */
    record VpcAccess() implements Preset {
        @Override
        public String policyName() {
            return "fc-vpc-access";
        }

        @Override
        public String document(String accountId) {
            return write(Statement.of(Effect.ALLOW, List.of("vpc:DescribeVSwitchAttributes",
                    "ecs:CreateNetworkInterface", "ecs:DeleteNetworkInterface", "ecs:DescribeNetworkInterfaces",
                    "ecs:CreateNetworkInterfacePermission", "ecs:DescribeNetworkInterfacePermissions",
                    "ecs:DeleteNetworkInterfacePermission"), List.of("*")));
        }
    }

    private static String objectArn(String accountId, String bucket, String prefix) {
        return "acs:oss:*:" + accountId + ":" + bucket + "/" + prefix + "*";
    }

    private static String nameOf(String intent, String target) {
        String cleaned = target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        String name = cleaned.isEmpty() ? intent : intent + "-" + cleaned;
        return name.length() <= 128 ? name : name.substring(0, 128);
    }

    private static String write(Statement... statements) {
        return PolicyWriter.toJson(new PolicyDocument(PolicyDocument.VERSION, List.of(statements)));
    }
}
