package fcperm.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the deployable code package of the {@link OssProbe}: its classes at the root and, under {@code lib/}, the
 * jars it needs (the OSS SDK and its dependencies, Jackson, fc-java-core), taken from the app's own classpath. The
 * same bytes are uploaded to the sandbox and to Alibaba Cloud.
 */
public final class ProbePackage {

    /** The handler string FC needs for the probe. */
    public static final String HANDLER = OssProbe.class.getName() + "::handleRequest";

    /** One class from each library the probe needs at run time; the jar each is loaded from goes into lib/. */
    private static final List<String> LIBRARY_CLASSES = List.of(
            "com.aliyun.oss.OSSClient",                          // aliyun-sdk-oss
            "org.apache.http.impl.client.HttpClientBuilder",     // httpclient
            "org.apache.http.HttpRequest",                       // httpcore
            "org.apache.commons.logging.LogFactory",             // commons-logging
            "org.apache.commons.codec.binary.Base64",            // commons-codec
            "org.jdom2.Document",                                // jdom2 (OSS XML)
            "org.codehaus.jettison.json.JSONObject",             // jettison
            "com.aliyun.core.io.BoundedInputStream",             // aliyun-java-core (OSS trace)
            "com.aliyun.core.tracing.AlibabaCloudTracer",        // java-trace-api
            "io.opentelemetry.api.OpenTelemetry",                // opentelemetry-api
            "io.opentelemetry.context.Context",                  // opentelemetry-context
            "org.dom4j.Document",                                // dom4j
            "org.reactivestreams.Publisher",                     // reactive-streams
            "com.fasterxml.jackson.databind.ObjectMapper",       // jackson-databind
            "com.fasterxml.jackson.core.JsonFactory",            // jackson-core
            "com.fasterxml.jackson.annotation.JsonProperty",     // jackson-annotations
            "com.aliyun.fc.runtime.Context");                    // fc-java-core

    /** 2020-01-01T00:00:00Z, inside the range a zip's DOS time can hold. */
    private static final long FIXED_TIME = 1_577_836_800_000L;

    private ProbePackage() {
    }

    /** The zip, built from the classpath this JVM runs with. */
    public static byte[] build() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            addProbeClasses(zip);
            Set<Path> jars = new LinkedHashSet<>();
            for (String className : LIBRARY_CLASSES) {
                codeSource(className).filter(Files::isRegularFile).ifPresent(jars::add);
            }
            for (Path jar : jars) {
                zip.putNextEntry(entry("lib/" + jar.getFileName()));
                Files.copy(jar, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the probe package", e);
        }
        return bytes.toByteArray();
    }

    /** OssProbe and its nested classes, read from wherever this class was loaded (a folder or the app's jar). */
    private static void addProbeClasses(ZipOutputStream zip) throws IOException {
        String folder = OssProbe.class.getPackageName().replace('.', '/') + "/";
        String prefix = folder + OssProbe.class.getSimpleName();
        Path source = codeSource(OssProbe.class.getName()).orElseThrow(
                () -> new IOException("cannot locate the probe's classes"));
        Set<String> entries = new LinkedHashSet<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(folder))) {
                files.map(file -> folder + file.getFileName()).filter(name -> isProbeClass(name, prefix)).forEach(entries::add);
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                    String name = all.nextElement().getName();
                    if (isProbeClass(name, prefix)) {
                        entries.add(name);
                    }
                }
            }
        }
        for (String entry : entries) {
            zip.putNextEntry(entry(entry));
            try (InputStream in = OssProbe.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
    }

    /*
     * Entries carry a fixed time, not the time of the build: the same classes and jars then make the same bytes, so
     * the checksum of the deployed probe tells whether this app's probe is already there.
     */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        return entry;
    }

    private static boolean isProbeClass(String entry, String prefix) {
        return entry.endsWith(".class") && (entry.equals(prefix + ".class") || entry.startsWith(prefix + "$"));
    }

    private static Optional<Path> codeSource(String className) {
        try {
            Class<?> type = Class.forName(className, false, ProbePackage.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (ClassNotFoundException | URISyntaxException e) {
            return Optional.empty();
        }
    }
}
