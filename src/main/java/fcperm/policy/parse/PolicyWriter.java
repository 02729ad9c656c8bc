package fcperm.policy.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fcperm.policy.model.Condition;
import fcperm.policy.model.PolicyDocument;
import fcperm.policy.model.Principal;
import fcperm.policy.model.Statement;

import java.util.List;

/** Writes a policy document as JSON in a stable key order (Version, then Statement), pretty or compact. */
public final class PolicyWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyWriter() {
    }

    public static String toJson(PolicyDocument document) {
        return write(PRETTY, document);
    }

    public static String toCompactJson(PolicyDocument document) {
        return write(JSON, document);
    }

    private static String write(ObjectMapper mapper, PolicyDocument document) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", document.version());
        ArrayNode statements = root.putArray("Statement");
        for (Statement statement : document.statements()) {
            ObjectNode node = statements.addObject();
            statement.sid().ifPresent(sid -> node.put("Sid", sid));
            node.put("Effect", statement.effect().json());
            strings(node, statement.notAction() ? "NotAction" : "Action", statement.actions());
            if (!statement.resources().isEmpty()) {
                strings(node, statement.notResource() ? "NotResource" : "Resource", statement.resources());
            }
            statement.principal().ifPresent(principal -> principal(node.putObject("Principal"), principal));
            if (!statement.conditions().isEmpty()) {
                ObjectNode conditions = node.putObject("Condition");
                for (Condition condition : statement.conditions()) {
                    ObjectNode byOperator = conditions.has(condition.operator())
                            ? (ObjectNode) conditions.get(condition.operator())
                            : conditions.putObject(condition.operator());
                    strings(byOperator, condition.key(), condition.values());
                }
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void principal(ObjectNode node, Principal principal) {
        if (!principal.ram().isEmpty()) {
            strings(node, "RAM", principal.ram());
        }
        if (!principal.service().isEmpty()) {
            strings(node, "Service", principal.service());
        }
        if (!principal.federated().isEmpty()) {
            strings(node, "Federated", principal.federated());
        }
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (values.size() == 1) {
            node.put(name, values.get(0));
        } else {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }
}
