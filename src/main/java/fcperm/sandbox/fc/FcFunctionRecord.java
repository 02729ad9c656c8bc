package fcperm.sandbox.fc;

import java.util.Map;

/** An FC 2.0 function as stored; its code package lives in a file named by its checksum. */
public record FcFunctionRecord(String region, String serviceName, String name, String id, String description,
                               String runtime, String handler, int timeout, int memorySize, long codeSize,
                               String codeChecksum, Map<String, String> environmentVariables,
                               String createdTime, String lastModifiedTime) {

    public FcFunctionRecord {
        environmentVariables = Map.copyOf(environmentVariables);
    }

    public String etag() {
        return Integer.toHexString((id + lastModifiedTime + codeChecksum).hashCode());
    }
}
