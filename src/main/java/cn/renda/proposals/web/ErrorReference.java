package cn.renda.proposals.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The reference of an internal error: the answer names it instead of the failure's details (which may hold SQL, data
 * or a stack trace), and the log names it beside the full exception, so that support finds one from the other.
 */
public final class ErrorReference {

  /** Request attribute holding the reference once the failure of a request has been logged and answered. */
  public static final String ATTRIBUTE = ErrorReference.class.getName();

  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorReference() {}

  /** A new reference, marked on the request as answered. */
  public static String issue(HttpServletRequest request) {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    String reference = "E-" + HexFormat.of().formatHex(bytes);
    request.setAttribute(ATTRIBUTE, reference);
    return reference;
  }

  /** The reference already issued for the request's failure, or null. */
  public static String issued(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }

  public static String messageZh(String reference) {
    return "系统内部错误，请稍后重试；如仍有问题，请将参考编号 " + reference + " 告知系统管理员。";
  }

  public static String messageEn(String reference) {
    return "Something went wrong on our side; please try again later. If it persists, give the administrator the "
        + "reference " + reference + ".";
  }
}
