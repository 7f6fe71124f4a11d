package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Paging parameters ({@code firstResult}, {@code maxResults}) that are negative or not a number are refused with 400
 * in the same shape before anything runs: Camunda hands them to the database as they are (an SQL error, 500, on
 * PostgreSQL) or answers a non-number with 404.
 *
 * <p>Every other answer passes unchanged. Only requests that change something are buffered.
 */
public class RefusalStatusFilter extends OncePerRequestFilter {

  static final String CONFLICT_MESSAGE = "该任务刚刚已被他人处理或修改，请刷新后查看";
  static final String CONFLICT_MESSAGE_EN =
      "Someone else completed or changed this task at the same moment; reload and check";
  static final String GONE_MESSAGE = "该任务已不存在，可能已被他人办理，请刷新后查看";
  static final String GONE_MESSAGE_EN = "This task no longer exists; someone may have completed it. Reload and check";

  private static final Set<String> PAGING_PARAMETERS = Set.of("firstResult", "maxResults");

  private final ObjectMapper json;

  public RefusalStatusFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<Problem.FieldError> paging = paging(request.getQueryString());
    if (!paging.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), refusalBody("InvalidRequestException", paging));
      return;
    }
    if (!("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
      chain.doFilter(request, response);
      return;
    }
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
            json.writeValue(buffered.getOutputStream(),
                refusalBody(InvalidInputException.class.getSimpleName(), reason.refusal().errors()));
          }
          case CONFLICT -> {
            buffered.setStatus(HttpServletResponse.SC_CONFLICT);
            json.writeValue(buffered.getOutputStream(), reason.conflict() == null
                ? CamundaErrors.body("Conflict", CONFLICT_MESSAGE, CONFLICT_MESSAGE_EN)
                : CamundaErrors.body("Conflict", reason.conflict().messageZh(), reason.conflict().getMessage()));
          }
          case TASK_GONE -> {
            buffered.setStatus(HttpServletResponse.SC_NOT_FOUND);
            json.writeValue(buffered.getOutputStream(),
                CamundaErrors.body("NotFound", GONE_MESSAGE, GONE_MESSAGE_EN));
          }
        }
      }
    } finally {
      Refusals.clear();
      buffered.copyBodyToResponse();
    }
  }

  private static Map<String, Object> refusalBody(String type, List<Problem.FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", errors.stream().map(Problem.FieldError::messageZh).collect(Collectors.joining("；")) + "。");
    body.put("messageEn", errors.stream().map(e -> e.field() + ": " + e.messageEn()).collect(Collectors.joining("; ")));
    body.put("code", null);
    body.put("errors", errors);
    return body;
  }

  /** What is wrong with the paging parameters of the query string: each must be a whole number from 0. */
  static List<Problem.FieldError> paging(String query) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (query == null) {
      return errors;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!PAGING_PARAMETERS.contains(name) || value.isEmpty()) {
        continue; // (Camunda reads an empty value as absent)
      }
      String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
      if (value.matches("-[0-9]+")) {
        errors.add(new Problem.FieldError(name, "min", "参数 " + name + " 不能为负数（当前为 " + shown + "）",
            name + " must not be negative (is " + shown + ")"));
      } else if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
        errors.add(new Problem.FieldError(name, "type",
            "参数 " + name + " 应为 0 至 " + Integer.MAX_VALUE + " 之间的整数（当前为 " + shown + "）",
            name + " must be a whole number from 0 to " + Integer.MAX_VALUE + " (is " + shown + ")"));
      }
    }
    return errors;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
