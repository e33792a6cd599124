package dev.portcullis.sample.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.0 exchange over a plain socket, for requests {@link java.net.http.HttpClient} refuses
 * to send: a forged {@code Host} header (it is a restricted header there). HTTP/1.0 with {@code
 * Connection: close} keeps the reply unchunked, so reading to the end of the stream is the body.
 */
public final class RawHttp {

  private RawHttp() {}

  /** A reply: status, header lines in order, body. */
  public record Reply(int status, List<String[]> headers, String body) {

    /** The first value of a header, case-insensitive. */
    public Optional<String> header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }
  }

  /**
   * Sends {@code method path} to the deployment's server with exactly the given headers (including
   * {@code Host}) and body.
   *
   * @param deployment the deployment's URL (for the socket address and the context path)
   * @param path relative to the deployment, e.g. {@code api/reset}
   */
  public static Reply send(
      URL deployment, String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    head.append(method)
        .append(' ')
        .append(deployment.getPath())
        .append(path)
        .append(" HTTP/1.0\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(deployment.getHost(), deployment.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim()
          });
    }
    return new Reply(status, headers, text.substring(end + 4));
  }
}
