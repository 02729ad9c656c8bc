package fcperm.policy.parse;

import fcperm.policy.model.Condition;
import fcperm.policy.model.Effect;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Principal;
import fcperm.policy.model.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a RAM policy document into the model and checks it the way RAM's policy checker does, naming the line,
 * column and JSON path of every problem. Permission (identity and session) policies need Resource; trust policies
 * need Principal instead. The parser never throws on bad input: every problem is in the {@link ParseResult}.
 */
public final class PolicyParser {

    /** What kind of policy a document is meant to be. */
    public enum Kind { PERMISSION, TRUST }

    /**
     * RAM's limit for a custom policy document. Whitespace outside strings is not counted [inferred: the RAM console
     * counts characters without spaces]; see {@link #countedLength}.
     */
    public static final int MAX_LENGTH = 6144;

    static final String JSON_SYNTAX = "Json syntax error";
    static final String INVALID_VERSION = "Invalid version";
    static final String INVALID_EFFECT = "Invalid effect";
    static final String MISSING_ACTION = "Missing action";
    static final String INVALID_ACTION = "Invalid action format";
    static final String INVALID_ARN_PREFIX = "Invalid ARN prefix";
    static final String MISSING_ARN_FIELD = "Missing ARN field";
    static final String INVALID_OPERATOR = "Invalid condition operator";
    static final String INVALID_KEY = "Invalid condition key format";
    static final String TYPE_MISMATCH = "Data type mismatch";
    static final String MULTIPLE_BOOLEAN = "Invalid condition multiple Boolean";
    static final String INVALID_ELEMENT = "Invalid policy element";
    static final String TOO_LONG = "Policy document too long";
    static final String WARNING = "Warning";

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?_-]+:[A-Za-z0-9*?_.-]+");
    private static final Pattern CONDITION_KEY = Pattern.compile("[A-Za-z0-9*_-]+:[^\\s]+");
    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "Condition");
    private static final Set<String> PRINCIPAL_KEYS = Set.of("RAM", "Service", "Federated");

    private final Kind kind;
    private final List<PolicyProblem> errors = new ArrayList<>();
    private final List<PolicyProblem> warnings = new ArrayList<>();
    private final PolicyReview review;

    private PolicyParser(Kind kind) {
        this.kind = kind;
        this.review = new PolicyReview(kind);
    }

    /** A permission policy (identity-based or STS session policy). */
    public static ParseResult parse(String json) {
        return new PolicyParser(Kind.PERMISSION).run(json);
    }

    /** A role's trust policy (AssumeRolePolicyDocument). */
    public static ParseResult parseTrustPolicy(String json) {
        return new PolicyParser(Kind.TRUST).run(json);
    }

    public static ParseResult parse(String json, Kind kind) {
        return new PolicyParser(kind).run(json);
    }

    private ParseResult run(String json) {
        if (json == null) {
            json = "";
        }
        JsonTree root;
        try {
            root = JsonTree.parse(json);
        } catch (JsonTree.SyntaxError e) {
            errors.add(new PolicyProblem(JSON_SYNTAX, e.getMessage(), e.line, e.column, "$"));
            return result(null);
        }
        int length = countedLength(json);
        if (length > MAX_LENGTH) {
            errors.add(new PolicyProblem(TOO_LONG, "the document has " + length
                    + " characters (not counting whitespace); the limit is " + MAX_LENGTH, 1, 1, "$"));
        }
        if (root.kind != JsonTree.Kind.OBJECT) {
            error(INVALID_ELEMENT, root, "a policy document is a JSON object, not a " + root.describeKind());
            return result(null);
        }
        PolicyDocument document = document(root);
        return result(errors.isEmpty() ? document : null);
    }

    private ParseResult result(PolicyDocument document) {
        return new ParseResult(Optional.ofNullable(document), errors, warnings);
    }

    /** Characters outside whitespace between tokens. */
    static int countedLength(String json) {
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                count++;
                if (c == '\\') {
                    i++;
                    count++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                count++;
                inString = c == '"';
            }
        }
        return count;
    }

    private PolicyDocument document(JsonTree root) {
        unknownKeys(root, DOCUMENT_KEYS);
        JsonTree version = root.fields.get("Version");
        String versionText = "";
        if (version == null) {
            error(INVALID_VERSION, root, "Version is missing; it must be \"1\"");
        } else if (!version.isScalar() || !PolicyDocument.VERSION.equals(version.text)) {
            error(INVALID_VERSION, version, "Version must be \"1\"");
        } else {
            versionText = version.text;
        }
        JsonTree statements = root.fields.get("Statement");
        List<Statement> parsed = new ArrayList<>();
        if (statements == null) {
            error(INVALID_ELEMENT, root, "Statement is missing");
        } else if (statements.kind == JsonTree.Kind.OBJECT) {
            parsed.add(statement(statements, 0));
        } else if (statements.kind != JsonTree.Kind.ARRAY) {
            error(INVALID_ELEMENT, statements, "Statement must be a list of statements");
        } else if (statements.items.isEmpty()) {
            error(INVALID_ELEMENT, statements, "Statement must hold at least one statement");
        } else {
            for (int i = 0; i < statements.items.size(); i++) {
                JsonTree item = statements.items.get(i);
                if (item.kind != JsonTree.Kind.OBJECT) {
                    error(INVALID_ELEMENT, item, "a statement is a JSON object, not a " + item.describeKind());
                } else {
                    parsed.add(statement(item, i));
                }
            }
        }
        return new PolicyDocument(versionText, parsed);
    }

    private Statement statement(JsonTree node, int index) {
        unknownKeys(node, STATEMENT_KEYS);
        Optional<String> sid = Optional.ofNullable(node.fields.get("Sid")).filter(JsonTree::isScalar).map(n -> n.text);
        Effect effect = effect(node);

        JsonTree action = node.fields.get("Action");
        JsonTree notAction = node.fields.get("NotAction");
        List<String> actions = List.of();
        if (action != null && notAction != null) {
            error(INVALID_ELEMENT, notAction, "a statement has Action or NotAction, not both");
        } else if (action == null && notAction == null) {
            error(MISSING_ACTION, node, "the statement has neither Action nor NotAction");
        } else {
            actions = strings(action != null ? action : notAction, "Action");
            for (int i = 0; i < actions.size(); i++) {
                checkAction(actions.get(i), elementAt(action != null ? action : notAction, i));
            }
        }

        JsonTree resource = node.fields.get("Resource");
        JsonTree notResource = node.fields.get("NotResource");
        List<String> resources = List.of();
        if (resource != null && notResource != null) {
            error(INVALID_ELEMENT, notResource, "a statement has Resource or NotResource, not both");
        } else if (resource != null || notResource != null) {
            JsonTree given = resource != null ? resource : notResource;
            if (kind == Kind.TRUST) {
                error(INVALID_ELEMENT, given, "a trust policy names a Principal, not a Resource");
            }
            resources = strings(given, "Resource");
            for (int i = 0; i < resources.size(); i++) {
                checkResource(resources.get(i), elementAt(given, i));
            }
            if (notResource != null) {
                warning(notResource, "NotResource is not in RAM's current list of policy elements; RAM may refuse it");
            }
        } else if (kind == Kind.PERMISSION) {
            error(INVALID_ELEMENT, node, "the statement has no Resource (use \"*\" for every resource)");
        }

        Optional<Principal> principal = Optional.empty();
        JsonTree principalNode = node.fields.get("Principal");
        if (principalNode != null) {
            if (kind == Kind.PERMISSION) {
                error(INVALID_ELEMENT, principalNode, "Principal belongs in trust and bucket policies, not in a permission policy");
            } else {
                principal = Optional.of(principal(principalNode));
            }
        } else if (kind == Kind.TRUST) {
            error(INVALID_ELEMENT, node, "a trust policy statement must name a Principal");
        }

        List<Condition> conditions = conditions(node.fields.get("Condition"));
        Statement statement = new Statement(sid, effect, actions, notAction != null, resources, notResource != null,
                principal, conditions);
        review.warnings(statement, index).forEach(message -> warning(node, message));
        return statement;
    }

    private Effect effect(JsonTree node) {
        JsonTree effect = node.fields.get("Effect");
        if (effect == null) {
            error(INVALID_EFFECT, node, "Effect is missing; it must be \"Allow\" or \"Deny\"");
            return Effect.DENY;
        }
        if (effect.kind == JsonTree.Kind.STRING && effect.text.equals("Allow")) {
            return Effect.ALLOW;
        }
        if (effect.kind == JsonTree.Kind.STRING && effect.text.equals("Deny")) {
            return Effect.DENY;
        }
        error(INVALID_EFFECT, effect, "Effect must be \"Allow\" or \"Deny\"");
        return Effect.DENY;
    }

    private void checkAction(String action, JsonTree at) {
        if (!action.equals("*") && !ACTION.matcher(action).matches()) {
            error(INVALID_ACTION, at, "\"" + action + "\" is not <service>:<action> (e.g. oss:GetObject, fc:*) or \"*\"");
        }
    }

    private void checkResource(String resource, JsonTree at) {
        if (resource.equals("*")) {
            return;
        }
        if (!resource.startsWith("acs:")) {
            error(INVALID_ARN_PREFIX, at, "\"" + resource + "\" must be \"*\" or an ARN starting with acs:");
        } else if (resource.split(":", 5).length < 5) {
            error(MISSING_ARN_FIELD, at, "\"" + resource
                    + "\" must have five fields: acs:<service>:<region>:<account-id>:<resource>");
        }
    }

    private Principal principal(JsonTree node) {
        if (node.kind == JsonTree.Kind.STRING && node.text.equals("*")) {
            return new Principal(List.of("*"), List.of(), List.of());
        }
        if (node.kind != JsonTree.Kind.OBJECT) {
            error(INVALID_ELEMENT, node, "Principal must be an object with RAM, Service or Federated");
            return new Principal(List.of(), List.of(), List.of());
        }
        unknownKeys(node, PRINCIPAL_KEYS);
        List<String> ram = node.fields.containsKey("RAM") ? strings(node.fields.get("RAM"), "RAM") : List.of();
        List<String> service = node.fields.containsKey("Service") ? strings(node.fields.get("Service"), "Service") : List.of();
        List<String> federated = node.fields.containsKey("Federated") ? strings(node.fields.get("Federated"), "Federated") : List.of();
        if (ram.isEmpty() && service.isEmpty() && federated.isEmpty()) {
            error(INVALID_ELEMENT, node, "Principal names no RAM identity, service or identity provider");
        }
        return new Principal(ram, service, federated);
    }

    private List<Condition> conditions(JsonTree block) {
        List<Condition> conditions = new ArrayList<>();
        if (block == null) {
            return conditions;
        }
        if (block.kind != JsonTree.Kind.OBJECT) {
            error(INVALID_ELEMENT, block, "Condition must be an object of operators");
            return conditions;
        }
        for (Map.Entry<String, JsonTree> byOperator : block.fields.entrySet()) {
            String operatorName = byOperator.getKey();
            JsonTree keys = byOperator.getValue();
            Optional<ConditionOperators.Operator> operator = ConditionOperators.find(operatorName);
            if (operator.isEmpty()) {
                error(INVALID_OPERATOR, keys, "\"" + operatorName + "\" is not a condition operator RAM knows");
                continue;
            }
            if (keys.kind != JsonTree.Kind.OBJECT) {
                error(INVALID_ELEMENT, keys, operatorName + " must map condition keys to values");
                continue;
            }
            String canonical = ConditionOperators.qualifier(operatorName) + operator.get().name();
            for (Map.Entry<String, JsonTree> byKey : keys.fields.entrySet()) {
                String key = byKey.getKey();
                if (!CONDITION_KEY.matcher(key).matches()) {
                    error(INVALID_KEY, byKey.getValue(), "\"" + key + "\" is not <service>:<key> (e.g. acs:SourceIp)");
                }
                List<String> values = strings(byKey.getValue(), key);
                checkValues(operator.get(), key, values, byKey.getValue());
                conditions.add(new Condition(canonical, key, values));
            }
        }
        return conditions;
    }

    private void checkValues(ConditionOperators.Operator operator, String key, List<String> values, JsonTree node) {
        if (operator.type() == ConditionOperators.ValueType.BOOLEAN && values.size() > 1) {
            error(MULTIPLE_BOOLEAN, node, "Bool takes one value for " + key + ", not " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean ok = switch (operator.type()) {
                case STRING -> true;
                case NUMBER -> ConditionValues.number(value).isPresent();
                case DATE -> ConditionValues.date(value).isPresent();
                case BOOLEAN -> ConditionValues.bool(value).isPresent();
                case IP -> ConditionValues.cidr(value).isPresent();
            };
            if (!ok) {
                error(TYPE_MISMATCH, elementAt(node, i), "\"" + value + "\" is not a valid "
                        + operator.type().name().toLowerCase(Locale.ROOT) + " for " + operator.name());
            }
        }
    }

    /** A string, or a list of strings; numbers and booleans count as their text. */
    private List<String> strings(JsonTree node, String what) {
        if (node.isScalar()) {
            return List.of(node.text);
        }
        if (node.kind == JsonTree.Kind.ARRAY) {
            List<String> values = new ArrayList<>();
            for (JsonTree item : node.items) {
                if (item.isScalar()) {
                    values.add(item.text);
                } else {
                    error(TYPE_MISMATCH, item, what + " values must be strings, not a " + item.describeKind());
                }
            }
            if (values.isEmpty() && node.items.isEmpty()) {
                error(INVALID_ELEMENT, node, what + " must not be empty");
            }
            return values;
        }
        error(TYPE_MISMATCH, node, what + " must be a string or a list of strings, not a " + node.describeKind());
        return List.of();
    }

    private static JsonTree elementAt(JsonTree node, int index) {
        return node.kind == JsonTree.Kind.ARRAY && index < node.items.size() ? node.items.get(index) : node;
    }

    private void unknownKeys(JsonTree node, Set<String> known) {
        for (Map.Entry<String, JsonTree> field : node.fields.entrySet()) {
            if (!known.contains(field.getKey())) {
                error(INVALID_ELEMENT, field.getValue(), "\"" + field.getKey() + "\" is not a policy element here");
            }
        }
    }

    private void error(String category, JsonTree at, String message) {
        errors.add(new PolicyProblem(category, message, at.line, at.column, at.path));
    }

    private void warning(JsonTree at, String message) {
        warnings.add(new PolicyProblem(WARNING, message, at.line, at.column, at.path));
    }
}
