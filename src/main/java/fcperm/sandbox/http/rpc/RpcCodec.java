package fcperm.sandbox.http.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.protocol.ApiError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes RPC responses exactly as the cloud shapes them. JSON: the members at top level next to {@code RequestId}
 * (no wrapper element); XML: a root {@code <ActionResponse>}. Errors: {@code RequestId, HostId, Code, Message,
 * Recommend} (+ extra members) in JSON, {@code <Error>…</Error>} in XML.
 */
public final class RpcCodec {

    public static final String JSON_CONTENT_TYPE = "application/json;charset=utf-8";
    public static final String XML_CONTENT_TYPE = "text/xml;charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private RpcCodec() {
    }

    public static String contentType(ResponseFormat format) {
        return format == ResponseFormat.XML ? XML_CONTENT_TYPE : JSON_CONTENT_TYPE;
    }

    public static byte[] encodeResult(String action, RpcBody body, String requestId, ResponseFormat format) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("RequestId", requestId);
        members.putAll(body.members());
        return format == ResponseFormat.XML ? xml(action + "Response", members) : json(members);
    }

    /** @param product the product code used in the troubleshooting link, e.g. {@code Ram} */
    public static byte[] encodeError(ApiError error, String requestId, String hostId, String product, ResponseFormat format) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("RequestId", requestId);
        members.put("HostId", hostId);
        members.put("Code", error.code());
        members.put("Message", error.getMessage());
        members.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product=" + product
                + "&requestId=" + requestId);
        members.putAll(error.extra());
        return format == ResponseFormat.XML ? xml("Error", members) : json(members);
    }

    private static byte[] json(Map<String, Object> members) {
        try {
            return JSON.writeValueAsBytes(plain(members));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an RPC body", e);
        }
    }

    /** RpcBody/Items → maps and lists Jackson writes as is. */
    private static Object plain(Object value) {
        if (value instanceof RpcBody body) {
            return plain(body.members());
        }
        if (value instanceof RpcBody.Items items) {
            List<Object> values = new ArrayList<>();
            for (Object item : items.values()) {
                values.add(plain(item));
            }
            return Map.of(items.itemName(), values);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return out;
        }
        return value;
    }

    private static byte[] xml(String root, Map<String, Object> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement(root);
            writeMembers(writer, members);
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an RPC body", e);
        }
        return out.toByteArray();
    }

    private static void writeMembers(XMLStreamWriter writer, Map<?, ?> members) throws XMLStreamException {
        for (Map.Entry<?, ?> member : members.entrySet()) {
            writeElement(writer, (String) member.getKey(), member.getValue());
        }
    }

    private static void writeElement(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value instanceof RpcBody body) {
            writeMembers(writer, body.members());
        } else if (value instanceof RpcBody.Items items) {
            for (Object item : items.values()) {
                writeElement(writer, items.itemName(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            writeMembers(writer, map);
        } else {
            writer.writeCharacters(String.valueOf(value));
        }
        writer.writeEndElement();
    }
}
