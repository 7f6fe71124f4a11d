package cn.renda.proposals.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * The one error shape of every API answer (RFC 9457 problem+json), with the reason in Chinese and English.
 *
 * @param errors one entry per field at fault (empty when the problem is not about fields)
 * @param reference for an internal error, the reference under which it is logged (see {@link ErrorReference})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String detailZh, String instance, List<FieldError> errors,
    String reference) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A field at fault: the JSON path of the field, a stable code, and the reason in both languages. */
  public record FieldError(String field, String code, String messageZh, String messageEn) {}

  public static Problem of(ProblemKind kind, String detail, String detailZh, String instance) {
    return new Problem(kind.type(), kind.title(), kind.status(), detail, detailZh, instance, List.of(), null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, detailZh, instance, List.copyOf(fieldErrors), reference);
  }

  public Problem withReference(String errorReference) {
    return new Problem(type, title, status, detail, detailZh, instance, errors, errorReference);
  }
}
