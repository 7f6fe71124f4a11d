package cn.renda.proposals.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers in the error shape of Camunda's REST APIs ({@code type}, {@code message}, {@code code}), which Tasklist,
 * Cockpit and engine-rest clients read, extended with {@code messageEn}: {@code message} is Chinese with the English
 * in brackets, since the webapps show {@code message} as it is.
 */
public final class CamundaErrors {

  private CamundaErrors() {}

  public static Map<String, Object> body(String type, String messageZh, String messageEn) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", messageZh + "（" + messageEn + "）");
    body.put("messageEn", messageEn);
    body.put("code", null);
    return body;
  }

  /** Writes the body with the status, replacing whatever the response held (it must not be committed yet). */
  public static void write(HttpServletResponse response, int status, Map<String, Object> body, ObjectMapper json)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] bytes = json.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
