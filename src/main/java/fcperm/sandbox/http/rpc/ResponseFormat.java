package fcperm.sandbox.http.rpc;

/** The RPC {@code Format} parameter: JSON unless the client asks for XML. */
public enum ResponseFormat {
    JSON, XML;

    public static ResponseFormat of(String formatParameter) {
        return formatParameter != null && formatParameter.equalsIgnoreCase("XML") ? XML : JSON;
    }
}
