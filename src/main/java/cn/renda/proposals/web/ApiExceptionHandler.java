package cn.renda.proposals.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of our API into the one problem+json shape, with the reason in Chinese and English. Nothing
 * here ever answers 500 for a request that is merely wrong.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Problem> invalid(InvalidInputException e, HttpServletRequest request) {
    int count = e.errors().size();
    return answer(Problem.of(ProblemKind.VALIDATION,
            count + " field(s) are invalid; nothing was stored.",
            "有 " + count + " 项内容不符合要求，未作任何保存。",
            request.getRequestURI())
        .withErrors(e.errors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException tooLarge) {
        return tooLarge(tooLarge, request);
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return answer(Problem.of(ProblemKind.VALIDATION, "Unknown field " + field + ".", "未知字段：" + field + "。",
              request.getRequestURI())
          .withErrors(List.of(new Problem.FieldError(field, "unknown-field", "不支持的字段", "unknown field"))));
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      String field = path((JsonMappingException) cause);
      return answer(Problem.of(ProblemKind.VALIDATION, "Field " + field + " has the wrong type or value.",
              "字段 " + field + " 的类型或取值不正确。", request.getRequestURI())
          .withErrors(List.of(new Problem.FieldError(field, "type", "类型或取值不正确", "wrong type or value"))));
    }
    if (cause instanceof JsonProcessingException) {
      return answer(Problem.of(ProblemKind.MALFORMED, "The body is not valid JSON.", "请求内容不是有效的 JSON。",
          request.getRequestURI()));
    }
    return answer(Problem.of(ProblemKind.MALFORMED, "The request body is missing or unreadable.",
        "缺少请求内容或无法读取。", request.getRequestURI()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.VALIDATION, "Parameter " + e.getName() + " has a wrong value.",
            "参数 " + e.getName() + " 的取值不正确。", request.getRequestURI())
        .withErrors(List.of(new Problem.FieldError(e.getName(), "type", "取值不正确", "wrong value"))));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.VALIDATION, "Parameter " + e.getParameterName() + " is required.",
            "缺少参数 " + e.getParameterName() + "。", request.getRequestURI())
        .withErrors(List.of(new Problem.FieldError(e.getParameterName(), "required", "必填", "required"))));
  }

  @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
  ResponseEntity<Problem> notFound(Exception e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.NOT_FOUND, "Nothing found here (or not visible to you).",
        "未找到（或您无权查看）。", request.getRequestURI()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Problem> forbidden(AuthorizationException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.FORBIDDEN, "You are not allowed to do this.", "您无权执行此操作。",
        request.getRequestURI()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Problem> forbidden(ForbiddenException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.FORBIDDEN, e.getMessage(), e.messageZh(), request.getRequestURI()));
  }

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
  ResponseEntity<Problem> conflict(RuntimeException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.CONFLICT, "Someone else changed this at the same moment; reload and retry.",
        "他人刚刚处理了同一事项，请刷新后重试。", request.getRequestURI()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Problem> conflict(ConflictException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.CONFLICT, e.getMessage(), e.messageZh(), request.getRequestURI()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here.",
        "此地址不支持 " + e.getMethod() + " 请求。", request.getRequestURI()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
    return answer(Problem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send " + supported + ".",
        "请以 " + supported + " 格式发送。", request.getRequestURI()));
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Problem> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return answer(Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, e.getMessage(), "请求内容过大（上限 "
        + e.limitKilobytes() + " KB）。", request.getRequestURI()));
  }

  /** The answer names a reference, never the failure: its message may hold SQL or data. The log has both. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
    String reference = ErrorReference.issue(request);
    log.error("Unexpected failure {} of {} {}", reference, request.getMethod(), request.getRequestURI(), e);
    return answer(Problem.of(ProblemKind.INTERNAL,
            "Something went wrong on our side; nothing was stored. Reference: " + reference + ".",
            "系统内部错误，未作任何保存，请稍后重试（参考编号 " + reference + "）。", request.getRequestURI())
        .withReference(reference));
  }

  private static String path(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex()
            + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
    return path.isEmpty() ? "$" : path;
  }

  static ResponseEntity<Problem> answer(Problem problem) {
    return ResponseEntity.status(HttpStatus.valueOf(problem.status())).contentType(PROBLEM).body(problem);
  }
}
