package fcperm.sandbox.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.PojoRequestHandler;

import java.util.Map;

/** A POJO handler: the event is read as JSON into a Map and the result written as JSON. */
public class Greeter implements PojoRequestHandler<Map<String, Object>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, Object> input, Context context) {
        return Map.of("greeting", "hello " + input.get("name"));
    }
}
