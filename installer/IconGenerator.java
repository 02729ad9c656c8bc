import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the app icon (an orange tile, a white shield, an orange lambda, a green check) and writes every file the
 * installers and the window need: resources/icons/icon-N.png, resources/fc-permissions-console.ico (PNG-embedded,
 * Windows Vista and later), resources/fc-permissions-console.icns (PNG-embedded, macOS 10.7 and later) and the
 * window icons on the classpath. Run from the repository root: {@code java installer/IconGenerator.java}.
 * The output is byte-for-byte the same on every run with the same JDK, so the committed files only change when
 * the drawing does.
 */
public final class IconGenerator {

    private static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final int[] WINDOW_SIZES = {16, 32, 48, 64, 128, 256};
    private static final String WINDOW_ICON_DIR = "src/main/resources/fcperm/wizard";

    /** macOS icon types holding PNG data, with the pixel size of each (ic11..ic14 are the @2x variants). */
    private static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put("icp4", 16);
        ICNS_TYPES.put("icp5", 32);
        ICNS_TYPES.put("icp6", 64);
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
        ICNS_TYPES.put("ic10", 1024);
        ICNS_TYPES.put("ic11", 32);
        ICNS_TYPES.put("ic12", 64);
        ICNS_TYPES.put("ic13", 256);
        ICNS_TYPES.put("ic14", 512);
    }

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalArgumentException("run from the repository root (or pass it): no pom.xml in " + root.toAbsolutePath());
        }
        Path resources = root.resolve("resources");
        Path icons = resources.resolve("icons");
        Files.createDirectories(icons);
        for (int size : PNG_SIZES) {
            Files.write(icons.resolve("icon-" + size + ".png"), png(size));
        }
        Files.write(resources.resolve("fc-permissions-console.ico"), ico());
        Files.write(resources.resolve("fc-permissions-console.icns"), icns());
        // jpackage on Linux wants the icon as a PNG named after the launcher in the resource dir
        Files.write(resources.resolve("linux").resolve("fc-permissions-console.png"), png(256));
        Path windowIcons = root.resolve(WINDOW_ICON_DIR);
        for (int size : WINDOW_SIZES) {
            Files.write(windowIcons.resolve("app-icon-" + size + ".png"), png(size));
        }
        System.out.println("icons written under " + resources + " and " + windowIcons);
    }

    /** The icon at {@code size} pixels, drawn in a 1024-unit space so every size has the same proportions. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 1024.0, size / 1024.0);
            // small sizes use the whole square: a margin would leave a 16-pixel icon a 12-pixel blur
            double margin = size <= 32 ? 8 : 64;
            double tile = 1024 - 2 * margin;
            g.setPaint(new GradientPaint(0, (float) margin, new Color(0xFF8A2A), 0, (float) (margin + tile), new Color(0xE2470C)));
            g.fill(new RoundRectangle2D.Double(margin, margin, tile, tile, tile * 0.42, tile * 0.42));

            Path2D shield = new Path2D.Double();
            shield.moveTo(512, 170);
            shield.curveTo(610, 232, 712, 256, 800, 254);
            shield.curveTo(808, 560, 716, 760, 512, 872);
            shield.curveTo(308, 760, 216, 560, 224, 254);
            shield.curveTo(312, 256, 414, 232, 512, 170);
            shield.closePath();
            g.setColor(new Color(0, 0, 0, 40));
            g.translate(0, 14);
            g.fill(shield);
            g.translate(0, -14);
            g.setColor(Color.WHITE);
            g.fill(shield);

            // the lambda of a function: a long stroke down to the right, a short one down to the left
            g.setColor(new Color(0xE2470C));
            g.setStroke(new BasicStroke(size <= 32 ? 96 : 78, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D lambda = new Path2D.Double();
            lambda.moveTo(400, 340);
            lambda.curveTo(452, 340, 470, 360, 492, 420);
            lambda.lineTo(606, 700);
            lambda.moveTo(520, 490);
            lambda.lineTo(420, 700);
            g.draw(lambda);

            if (size >= 32) {
                // the check: "proven to work"
                double r = 140;
                double cx = 1024 - Math.max(margin, 48) - r - 24;
                double cy = cx;
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(cx - r - 24, cy - r - 24, 2 * (r + 24), 2 * (r + 24)));
                g.setColor(new Color(0x1F9D55));
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(46, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D check = new Path2D.Double();
                check.moveTo(cx - 72, cy + 4);
                check.lineTo(cx - 18, cy + 60);
                check.lineTo(cx + 78, cy - 54);
                g.draw(check);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(draw(size), "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    /** ICO: a 6-byte header, one 16-byte directory entry per image (little-endian), then the PNGs themselves. */
    static byte[] ico() throws IOException {
        List<byte[]> images = new java.util.ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(size));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeLe16(bytes, 0);              // reserved
        writeLe16(bytes, 1);              // type: icon
        writeLe16(bytes, images.size());
        int offset = 6 + 16 * images.size();
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            bytes.write(size >= 256 ? 0 : size); // width, 0 means 256
            bytes.write(size >= 256 ? 0 : size); // height
            bytes.write(0);                      // no palette
            bytes.write(0);                      // reserved
            writeLe16(bytes, 1);                 // colour planes
            writeLe16(bytes, 32);                // bits per pixel
            writeLe32(bytes, images.get(i).length);
            writeLe32(bytes, offset);
            offset += images.get(i).length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    /** ICNS: "icns" and the file length, then per image its type, its length including this 8-byte header, the PNG. */
    static byte[] icns() throws IOException {
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body); // big-endian, as ICNS is
        for (Map.Entry<String, Integer> type : ICNS_TYPES.entrySet()) {
            byte[] image = pngs.get(type.getValue());
            if (image == null) {
                image = png(type.getValue());
                pngs.put(type.getValue(), image);
            }
            out.writeBytes(type.getKey());
            out.writeInt(8 + image.length);
            out.write(image);
        }
        out.flush();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        header.write(body.toByteArray());
        header.flush();
        return file.toByteArray();
    }

    private static void writeLe16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        writeLe16(out, value & 0xFFFF);
        writeLe16(out, value >>> 16);
    }
}
