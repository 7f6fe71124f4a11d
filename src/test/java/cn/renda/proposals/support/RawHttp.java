package cn.renda.proposals.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand, for what Java's HTTP clients refuse to send: a forged {@code Host} header.
 * Answers the status, the headers (names in lower case) and the body as text.
 */
public final class RawHttp {

  private RawHttp() {}

  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  public static Answer get(int port, String path, Map<String, String> headers) {
    return send(port, "GET", path, headers, null);
  }

  /** Sends the request to localhost:port with the given headers (Host among them) and body (JSON, or none). */
  public static Answer send(int port, String method, String path, Map<String, String> headers, String jsonBody) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (jsonBody != null) {
        request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0D0A0D0A) {
        break;
      }
    }
    // (the body as sent; a chunked body keeps its chunk sizes, which is enough to search it)
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(status, headers, body);
  }
}
