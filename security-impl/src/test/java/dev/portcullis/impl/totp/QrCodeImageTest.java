package dev.portcullis.impl.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.Decoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

  @Test
  void svgDataUriWhenOtpauthUriThenScannerReadsTheSameUri() throws Exception {
    String uri =
        new OtpAuthUri(TotpKey.generate(new SecureRandom()), "jörg@example.com", "Portcullis")
            .text();

    String dataUri = QrCodeImage.svgDataUri(uri);

    assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
    String svg =
        new String(
            Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    assertThat(new Decoder().decode(modulesOf(svg)).getText()).isEqualTo(uri);
  }

  /** Reads the dark modules back out of the SVG, quiet zone removed, as a scanner's grid. */
  private static boolean[][] modulesOf(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int size = Integer.parseInt(box.group(1)) - 2 * QrCodeImage.QUIET_ZONE;
    boolean[][] grid = new boolean[size][size];
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1)) - QrCodeImage.QUIET_ZONE;
      int y = Integer.parseInt(module.group(2)) - QrCodeImage.QUIET_ZONE;
      grid[y][x] = true;
    }
    return grid;
  }
}
