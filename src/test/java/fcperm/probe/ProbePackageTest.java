package fcperm.probe;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProbePackageTest {

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void holdsTheProbeAtTheRootAndItsLibrariesUnderLib() throws IOException {
        List<String> names = entries(ProbePackage.build());
        assertThat(names).contains("fcperm/probe/OssProbe.class");
        assertThat(names).noneMatch(name -> name.startsWith("fcperm/") && !name.startsWith("fcperm/probe/OssProbe"));
        assertThat(names).anyMatch(name -> name.matches("lib/aliyun-sdk-oss-[\\d.]+\\.jar"));
        assertThat(names).anyMatch(name -> name.matches("lib/httpclient-[\\d.]+\\.jar"));
        assertThat(names).anyMatch(name -> name.matches("lib/jackson-databind-[\\d.]+\\.jar"));
        assertThat(names).anyMatch(name -> name.matches("lib/fc-java-core-[\\d.]+\\.jar"));
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void namesTheHandlerAsFcExpectsIt() {
        assertThat(ProbePackage.HANDLER).isEqualTo("fcperm.probe.OssProbe::handleRequest");
    }
}
