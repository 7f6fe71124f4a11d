package cn.renda.proposals.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which part of the application a request addresses, by its path as the servlet container mapped it: decoded,
 * normalized and without path parameters ({@code ;…}), so that {@code /v3;x/api-docs.yaml} or {@code %2D} spellings
 * are classified like the resource they reach.
 */
public final class Paths {

  private Paths() {}

  /** The request's path inside the application. */
  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo();
    return pathInfo == null ? servletPath : servletPath + pathInfo;
  }

  /** Our own REST API. */
  public static boolean isApi(String path) {
    return under(path, "/api");
  }

  /** The API description and Swagger UI (springdoc, and the Swagger UI webjar Spring Boot serves as well). */
  public static boolean isApiDocs(String path) {
    return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || under(path, "/webjars/swagger-ui");
  }

  public static boolean isActuator(String path) {
    return under(path, "/actuator");
  }

  /** The health endpoint and its components, open to everyone (load balancers, monitoring). */
  public static boolean isHealth(String path) {
    return under(path, "/actuator/health");
  }

  /** The public record (公开). */
  public static boolean isPublic(String path) {
    return under(path, "/public");
  }

  /** The deputies' workspace (代表工作台). */
  public static boolean isDeputyWorkspace(String path) {
    return under(path, "/deputy");
  }

  /** The page of paper files (纸质文件: intake, bulk assignment, notices, export) and its script and stylesheet. */
  public static boolean isPaperPage(String path) {
    return under(path, "/paper");
  }

  /** The calendar page and its script and stylesheet (节假日安排). */
  public static boolean isCalendarPage(String path) {
    return under(path, "/calendar");
  }

  public static boolean isEngineRest(String path) {
    return under(path, "/engine-rest");
  }

  /** {@code path} is {@code prefix} itself or below it. */
  public static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
