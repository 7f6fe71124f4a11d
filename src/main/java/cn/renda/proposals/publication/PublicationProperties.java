package cn.renda.proposals.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the public record presents itself ({@code proposals.publication}).
 *
 * @param source 信息来源 printed on every record
 * @param countyName the county's name; letters are signed with the agency's full name, e.g. 县人民政府办公室 becomes
 *     嵊泗县人民政府办公室 for the county 嵊泗县 (empty: agency names as configured)
 * @param siteTitle the heading of the public pages
 */
@ConfigurationProperties("proposals.publication")
public record PublicationProperties(
    @DefaultValue("县人大办") String source,
    @DefaultValue("") String countyName,
    @DefaultValue("人大代表议案建议办理公开") String siteTitle) {

  /** The name a letter is signed with. */
  public String signature(String agencyName) {
    if (countyName == null || countyName.isBlank() || !agencyName.startsWith("县")) {
      return agencyName;
    }
    return countyName + agencyName.substring(1);
  }
}
