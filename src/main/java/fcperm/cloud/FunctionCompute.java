package fcperm.cloud;

import java.util.List;
import java.util.Optional;

/** Function Compute 2.0 in one region. Methods that change something return the request id of the call. */
public interface FunctionCompute {

    String region();

    List<ServiceSummary> listServices(Progress progress, Cancellation cancellation) throws CloudException;

    Optional<ServiceSummary> findService(String name) throws CloudException;

    String createService(String name) throws CloudException;

    /** Lets the service's functions run as {@code roleArn}; an empty ARN takes the role away. */
    String setServiceRole(String service, String roleArn) throws CloudException;

    String deleteService(String name) throws CloudException;

    Optional<FunctionSummary> findFunction(String service, String function) throws CloudException;

    /** Creates the function with this code (a zip) and handler. */
    String createFunction(String service, String function, String handler, byte[] zip) throws CloudException;

    /** Replaces the code and handler of the function there. */
    String updateFunction(String service, String function, String handler, byte[] zip) throws CloudException;

    /** Invokes synchronously and asks for the tail of the log. Never retried: an invocation is not idempotent. */
    Invocation invoke(String service, String function, byte[] payload) throws CloudException;

    String deleteFunction(String service, String function) throws CloudException;
}
