package cn.renda.proposals.identity;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo accounts of DESIGN.md (password {@code demo}). Only in the demo profile, never in production. */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

  /** The lead deputy of the seed's case (no. 28). */
  static final String LEAD_DEPUTY = "maohongding";

  /** The lead deputy and the ten co-signing deputies (fictional names except the seed's lead deputy). */
  static final Map<String, String> DEPUTIES = deputies();

  private final AuthorizationGrants grants;
  private final AgencyDirectory agencies;
  private final String password;

  DemoAccounts(AuthorizationGrants grants, AgencyDirectory agencies,
      @Value("${proposals.demo.password}") String password) {
    this.grants = grants;
    this.agencies = agencies;
    this.password = password;
  }

  private static Map<String, String> deputies() {
    Map<String, String> deputies = new LinkedHashMap<>();
    deputies.put(LEAD_DEPUTY, "毛宏定");
    deputies.put("zhanglihua", "张丽华");
    deputies.put("wangjianguo", "王建国");
    deputies.put("lixiaoming", "李晓明");
    deputies.put("chenhaiyan", "陈海燕");
    deputies.put("liuzhiqiang", "刘志强");
    deputies.put("yangxiuying", "杨秀英");
    deputies.put("huangweidong", "黄卫东");
    deputies.put("zhoujunjie", "周俊杰");
    deputies.put("wuhaibo", "吴海波");
    deputies.put("xulina", "徐丽娜");
    return Collections.unmodifiableMap(deputies);
  }

  @Override
  public void run(ApplicationArguments args) {
    account("congress-clerk", "县人大常委会办公室 经办人", Groups.CONGRESS_OFFICE);
    account("gov-clerk", "县政府办公室督查室 经办人", Groups.GOV_OFFICE);
    for (Agency agency : agencies.all()) {
      account(agency.code() + "-handler", agency.name() + " 经办人", Groups.agency(agency.code()));
      account(agency.code() + "-leader", agency.name() + " 领导", Groups.agencyLeaders(agency.code()));
    }
    DEPUTIES.forEach((id, name) -> account(id, name, Groups.DEPUTIES));
  }

  private void account(String id, String name, String group) {
    grants.ensureUser(id, name, id + "@demo.example", password);
    grants.ensureMembership(id, group);
  }
}
