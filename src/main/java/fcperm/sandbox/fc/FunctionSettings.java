package fcperm.sandbox.fc;

import java.util.Map;
import java.util.Optional;

/** The settable fields of a function, as CreateFunction and UpdateFunction carry them; empty = not given. */
public record FunctionSettings(Optional<String> description, Optional<String> runtime, Optional<String> handler,
                               Optional<Integer> timeout, Optional<Integer> memorySize, Optional<byte[]> codeZip,
                               Optional<Map<String, String>> environmentVariables) {

    @Override
    public String toString() {
        return "FunctionSettings[runtime=" + runtime + ", handler=" + handler + ", code="
                + codeZip.map(code -> code.length + " bytes").orElse("unchanged") + "]";
    }
}
