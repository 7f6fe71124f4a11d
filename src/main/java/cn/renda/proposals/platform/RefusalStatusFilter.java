package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives a turned-down command its proper answer on Camunda's REST APIs (engine-rest and the webapps' engine API that
 * Tasklist uses), which answer every failure of a task completion or form submission with 500 "Cannot submit task
 * form …", shown by Tasklist as an internal error:
 *
 * <ul>
 *   <li>input refused by our rules ({@link InvalidInputException}) answers 400 in Camunda's error shape ({@code type},
 *       {@code message} in Chinese) plus {@code messageEn} and every field at fault ({@code errors});
 *   <li>a concurrent change of the same task (two people completing it at once) answers 409 with a message that says
 *       so in Chinese and English, instead of the engine's optimistic-locking text;
 *   <li>a task that is no longer there (completed by someone else a moment before) answers 404, likewise.
 * </ul>
 *
 * Every other answer passes unchanged. Only requests that change something are buffered.
 */
public class RefusalStatusFilter extends OncePerRequestFilter {

  static final String CONFLICT_MESSAGE = "该任务刚刚已被他人处理或修改，请刷新后查看";
  static final String CONFLICT_MESSAGE_EN =
      "Someone else completed or changed this task at the same moment; reload and check";
  static final String GONE_MESSAGE = "该任务已不存在，可能已被他人办理，请刷新后查看";
  static final String GONE_MESSAGE_EN = "This task no longer exists; someone may have completed it. Reload and check";

  private final ObjectMapper json;

  public RefusalStatusFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    Refusals.clear();
    try {
      chain.doFilter(request, buffered);
      Refusals.Reason reason = Refusals.reason();
      if (reason != null && buffered.getStatus() >= 500) {
        buffered.resetBuffer();
        buffered.setContentType("application/json");
        buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
        switch (reason.kind()) {
          case REFUSED_INPUT -> {
            buffered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            json.writeValue(buffered.getOutputStream(), refusalBody(reason.refusal()));
          }
          case CONFLICT -> {
            buffered.setStatus(HttpServletResponse.SC_CONFLICT);
            json.writeValue(buffered.getOutputStream(), reason.conflict() == null
                ? messageBody("Conflict", CONFLICT_MESSAGE, CONFLICT_MESSAGE_EN)
                : messageBody("Conflict", reason.conflict().messageZh(), reason.conflict().getMessage()));
          }
          case TASK_GONE -> {
            buffered.setStatus(HttpServletResponse.SC_NOT_FOUND);
            json.writeValue(buffered.getOutputStream(), messageBody("NotFound", GONE_MESSAGE, GONE_MESSAGE_EN));
          }
        }
      }
    } finally {
      Refusals.clear();
      buffered.copyBodyToResponse();
    }
  }

  private static Map<String, Object> refusalBody(InvalidInputException refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidInputException.class.getSimpleName());
    body.put("message",
        refusal.errors().stream().map(Problem.FieldError::messageZh).collect(Collectors.joining("；")) + "。");
    body.put("messageEn",
        refusal.errors().stream().map(e -> e.field() + ": " + e.messageEn()).collect(Collectors.joining("; ")));
    body.put("code", null);
    body.put("errors", refusal.errors());
    return body;
  }

  private static Map<String, Object> messageBody(String type, String message, String messageEn) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message + "（" + messageEn + "）");
    body.put("messageEn", messageEn);
    body.put("code", null);
    return body;
  }
}
