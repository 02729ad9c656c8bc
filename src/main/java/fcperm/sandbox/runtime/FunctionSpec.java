package fcperm.sandbox.runtime;

import java.util.Map;

/**
 * What the runtime needs to start an instance of a function. Two specs that are equal can share instances; any
 * change (new code, handler, memory, timeout, environment, role) makes a new spec and so a fresh instance.
 *
 * @param instanceKey identifies the function across changes (e.g. region/service/function)
 * @param codeZip     the uploaded package, as stored
 * @param role        the service's role ARN, empty when it has none (part of the identity of an instance)
 */
public record FunctionSpec(String instanceKey, String serviceName, String functionName, String handler,
                           int memoryMb, int timeoutSeconds, Map<String, String> environment,
                           String codeChecksum, java.nio.file.Path codeZip, String role) {

    public FunctionSpec {
        environment = Map.copyOf(environment);
    }
}
