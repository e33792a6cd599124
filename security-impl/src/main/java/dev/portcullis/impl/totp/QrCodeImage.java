package dev.portcullis.impl.totp;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The QR code of an {@code otpauth://} URI as an SVG {@code data:} URI, what Flask-Security returns
 * as {@code tf_authr_qrcode} and shows on its setup page: the one class that uses zxing.
 *
 * <p>SVG rather than PNG: no image library on the server, crisp at any size, and a few kilobytes.
 */
public final class QrCodeImage {

  /** The quiet zone ISO/IEC 18004 asks for around the symbol, in modules. */
  static final int QUIET_ZONE = 4;

  private QrCodeImage() {}

  /** {@code data:image/svg+xml;base64,...} of the QR code of {@code text}. */
  public static String svgDataUri(String text) {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
  }

  /** The SVG document: one path, a square per dark module, on a white background. */
  static String svg(String text) {
    ByteMatrix modules = encode(text);
    int size = modules.getWidth() + 2 * QUIET_ZONE;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y) == 1) {
          path.append('M')
              .append(x + QUIET_ZONE)
              .append(' ')
              .append(y + QUIET_ZONE)
              .append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  private static ByteMatrix encode(String text) {
    try {
      // M: 15 % of the symbol may be damaged; an otpauth URI stays well inside version 10.
      return Encoder.encode(
              text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
          .getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("text too long for a QR code", e);
    }
  }
}
