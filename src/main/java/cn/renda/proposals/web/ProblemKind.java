package cn.renda.proposals.web;

import java.net.URI;

/** The kinds of problems the API answers with; {@code type} is a stable URN clients can switch on. */
public enum ProblemKind {
  VALIDATION(400, "Invalid request / 请求内容不符合要求"),
  MALFORMED(400, "Malformed request / 请求格式错误"),
  UNAUTHENTICATED(401, "Authentication required / 需要登录"),
  FORBIDDEN(403, "Not allowed / 无权执行此操作"),
  NOT_FOUND(404, "Not found / 未找到"),
  METHOD_NOT_ALLOWED(405, "Method not allowed / 不支持的请求方法"),
  CONFLICT(409, "Conflict / 操作冲突"),
  PAYLOAD_TOO_LARGE(413, "Request too large / 请求内容过大"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type / 不支持的内容类型"),
  TOO_MANY_REQUESTS(429, "Too many requests / 请求过于频繁"),
  INTERNAL(500, "Internal error / 系统内部错误");

  private final int status;
  private final String title;

  ProblemKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI type() {
    return URI.create("urn:proposals:problem:" + name().toLowerCase().replace('_', '-'));
  }
}
