package fcperm.cloud;

/** An FC 2.0 function as deployed: its handler, runtime and the checksum of its code. */
public record FunctionSummary(String service, String name, String handler, String runtime, String codeChecksum,
                              String lastModified) {
}
