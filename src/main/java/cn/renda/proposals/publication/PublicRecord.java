package cn.renda.proposals.publication;

import java.util.List;

/**
 * A published proposal in the shape of the county's public record (the seed): title, 发布时间, 信息来源, 访问次数,
 * 类别, 案号, 领衔人, 附议人, 案由, 内容摘要, 主办/协办单位, 类别标记, 复函, A–D legend. Nothing internal is in it.
 */
public record PublicRecord(
    String id,
    String title,
    String publishedAt,
    String source,
    long viewCount,
    String kind,
    String priority,
    Integer caseNumber,
    String leadDeputy,
    int coSignerCount,
    String subject,
    List<String> summary,
    String leadAgency,
    List<String> coAgencies,
    String classification,
    Letter reply,
    List<String> legend) {

  /**
   * The reply letter (复函): addressed to the deputies, signed by the issuing agency, with the contact person and the
   * phone number masked to its last four digits.
   */
  public record Letter(
      String addressee, List<String> paragraphs, String issuer, String date, String contactPerson,
          String contactPhone) {}

  /** A row of the public list. */
  public record Row(String id, String title, String kind, Integer caseNumber, String priority, String leadDeputy,
      String leadAgency, String classification, String publishedAt) {}

  public record Page(List<Row> items, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }
}
